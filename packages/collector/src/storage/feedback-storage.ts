import type { Audience, Feedback, Urgency } from '@hearken/client/schema';

/** Where a person is in handling a feedback. */
export type FeedbackStatus = 'new' | 'read' | 'resolved';
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['new', 'read', 'resolved'];

/** One stored feedback with what the collector learned on receipt. */
export interface StoredFeedback {
  feedback: Feedback;
  /** When the collector stored it (ISO 8601). The inbox is ordered by it. */
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

/**
 * A message to send for a stored feedback (a webhook forward; later also mail), kept in the
 * database until it is delivered, so a restart or a crash loses nothing.
 */
export interface NewOutgoingMessage {
  /** What sends it, e.g. `webhook`. Each sender claims only its own kind. */
  kind: string;
  /** Where it goes (a webhook URL, an address). One message per feedback, kind and target. */
  target: string;
  /** What is sent, as the sender wants it (e.g. a JSON body). */
  payload: string;
}

/** A message claimed by one sender: no other sender gets it until `leaseUntil` has passed. */
export interface OutgoingMessage extends NewOutgoingMessage {
  id: string;
  feedbackId: string;
  /** Attempts so far, this one included. */
  attempts: number;
  /** When it was first queued (ms since the epoch). */
  queuedAt: number;
  /** Proves the claim: `settle` with a token from an expired lease does nothing. */
  leaseToken: string;
}

/** What happened to a claimed message. */
export type OutgoingOutcome =
  | { state: 'sent' }
  | { state: 'failed'; error: string }
  | { state: 'retry'; at: number; error: string };

/**
 * Storage behind the collector. `insert` must be atomic per id: of concurrent copies (also from
 * other collector instances on the same database), exactly one returns `true`.
 */
export interface FeedbackStorage {
  /**
   * Stores `record` unless its id is already stored; `true` when it was new. `outgoing` messages
   * are queued in the same transaction, and only when the record is new.
   */
  insert(record: StoredFeedback, outgoing?: readonly NewOutgoingMessage[]): Promise<boolean>;
  /** Matching feedback, newest (by `receivedAt`, the collector's clock, never the client's) first. */
  list(filter?: InboxFilter): Promise<StoredFeedback[]>;
  /** `false` when there is no such id. */
  setStatus(id: string, status: FeedbackStatus): Promise<boolean>;
  /**
   * Takes up to `limit` pending messages of `kind` that are due at `now` and not leased by
   * anyone else, and leases them for `leaseMs`. Each message goes to one claimer at a time.
   */
  claimOutgoing(kind: string, options: { now: number; leaseMs: number; limit: number }): Promise<OutgoingMessage[]>;
  /** Records the outcome of a claimed message; `false` when the lease was lost (expired and claimed again). */
  settleOutgoing(message: Pick<OutgoingMessage, 'id' | 'leaseToken'>, outcome: OutgoingOutcome): Promise<boolean>;
  /** Resolves when the database answers; rejects when it does not (the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
