import type { Audience, Feedback, Urgency } from '@hearken/client/schema';

/** Where a person is in handling a feedback. */
export type FeedbackStatus = 'new' | 'read' | 'resolved';
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['new', 'read', 'resolved'];

/** One stored feedback with what the collector learned on receipt. */
export interface StoredFeedback {
  feedback: Feedback;
  /** When the collector stored it (ISO 8601). */
  receivedAt: string;
  status: FeedbackStatus;
  /** Caught by the honeypot or the time-to-submit check. */
  spam: boolean;
  /** `verified`: `user` was signed with the identity secret; `unverified`: a user without a valid signature. Absent: no user. */
  identity?: 'verified' | 'unverified';
}

/** Filters of the inbox; every one optional. Dates are ISO 8601 days or times, compared with `createdAt`. */
export interface InboxFilter {
  audience?: Audience;
  category?: string;
  urgency?: Urgency;
  department?: string;
  site?: string;
  status?: FeedbackStatus;
  from?: string;
  to?: string;
  /** Include spam (`true`) or show only spam (`'only'`). @default false */
  spam?: boolean | 'only';
  /** @default 500 */
  limit?: number;
}

/** Storage behind the collector. `insert` must be atomic per id: of concurrent copies, exactly one returns `true`. */
export interface FeedbackStorage {
  /** Stores `record` unless its id is already stored; `true` when it was new. */
  insert(record: StoredFeedback): Promise<boolean>;
  /** Matching feedback, newest (by `createdAt`) first. */
  list(filter?: InboxFilter): Promise<StoredFeedback[]>;
  /** `false` when there is no such id. */
  setStatus(id: string, status: FeedbackStatus): Promise<boolean>;
  close(): Promise<void>;
}
