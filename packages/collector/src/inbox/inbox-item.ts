import type { DeliveryProblem, StoredFeedback } from '../storage/feedback-storage.js';

/** One item of `/inbox.json`: the stored feedback (without its key hash), whether it is overdue, its team, and messages that did not go through. */
export type InboxItem = Omit<StoredFeedback, 'followUpKeyHash'> & { overdue: boolean; team?: string; undelivered: Omit<DeliveryProblem, 'feedbackId'>[] };
