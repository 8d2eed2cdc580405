import type { Audience, Feedback, Urgency } from '@hearken/client/schema';

/**
 * Where the team is in handling a feedback: `new` → `in-progress` → `resolved`. `read` is a mark
 * for the team only: the person who wrote sees it as `new`.
 */
export type FeedbackStatus = 'new' | 'read' | 'in-progress' | 'resolved';
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['new', 'read', 'in-progress', 'resolved'];

/** One message of a feedback's thread: from the team, or from the person who wrote it (`you`). Plain text. */
export interface Reply {
  id: string;
  author: 'team' | 'you';
  body: string;
  /** When the collector stored it (ISO 8601). */
  createdAt: string;
  /** A note for colleagues: never shown to the person, never mailed, and no answer (the item stays overdue). */
  internal: boolean;
}

/** A change of status, recorded with its time and who made it. */
export interface StatusChange {
  status: FeedbackStatus;
  /** ISO 8601. */
  at: string;
  /** Who: the label of the admin token used (`admin` for `--admin-token`), by header or through the inbox login, or `loopback`. */
  by: string;
}

/** What an audit entry records. */
export type AuditAction = 'reply' | 'note' | 'status' | 'delete' | 'erase-personal' | 'export';

/**
 * One entry of the audit trail: what was done to feedback, when, and by whom. It holds no content
 * of the feedback and no email address, so it can outlive the item it names.
 */
export interface AuditEntry {
  /** ISO 8601. */
  at: string;
  action: AuditAction;
  /**
   * The item it concerns; absent for an export of several items. Once the item is deleted, its
   * entries name it by the hash its store keeps of removed ids, not by the id.
   */
  feedbackId?: string;
  /**
   * Who: an admin token's label (`admin` for `--admin-token`), `loopback`, `person` (the writer,
   * with the follow-up key) or `retention`.
   */
  by: string;
  /** How `by` proved access: `bearer`, `cookie` (the inbox login), `loopback`, `key` or `schedule`. */
  via: string;
  /** A short, content-free detail, e.g. the new status, `internal`, or how many items an export held. */
  detail?: string;
}

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
  /**
   * Hex SHA-256 of the follow-up key the client sent (`followUp.key`); the key itself is never
   * stored. Absent: the writer cannot follow the thread.
   */
  followUpKeyHash?: string;
  /** The thread, oldest first (team replies, notes, the person's answers). `list` and `get` always fill it. */
  replies?: Reply[];
  /** Status changes, oldest first. `list` and `get` always fill it. */
  history?: StatusChange[];
  /** When retention erased what identified the person (ISO 8601); absent while it is kept. */
  personalErasedAt?: string;
}

/** How many of a person's verified threads `listVerifiedByUser` returns at most. */
export const VERIFIED_THREADS_LIMIT = 200;

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
  /** Items whose contact or user email is this address (lower-case); read by the inbox, not by the stores. */
  email?: string;
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

/** An outgoing message that has not gone through (yet): shown in the inbox. */
export interface DeliveryProblem {
  feedbackId: string;
  kind: string;
  target: string;
  /** `pending`: still retried; `failed`: given up. */
  state: 'pending' | 'failed';
  attempts: number;
  error: string;
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
   * Stores `record` unless its id is already stored or was removed; `true` when it was new. `outgoing` messages
   * are queued in the same transaction, and only when the record is new.
   */
  insert(record: StoredFeedback, outgoing?: readonly NewOutgoingMessage[]): Promise<boolean>;
  /** Matching feedback, newest (by `receivedAt`, the collector's clock, never the client's) first. */
  list(filter?: InboxFilter): Promise<StoredFeedback[]>;
  /** One feedback (spam too) with its replies and history, or `undefined`. */
  get(id: string): Promise<StoredFeedback | undefined>;
  /**
   * The feedback a signed-in person sent under a verified identity (`identity: 'verified'`) with
   * `user.id` equal to `userId`, not spam, newest first, at most {@link VERIFIED_THREADS_LIMIT}, with
   * replies and history: that person's threads on any device.
   */
  listVerifiedByUser(userId: string): Promise<StoredFeedback[]>;
  /**
   * Sets the status and records the change (`by`: who), and `audit` in the same transaction;
   * `false` (nothing stored) when there is no such id.
   */
  setStatus(id: string, status: FeedbackStatus, by?: string, audit?: AuditEntry): Promise<boolean>;
  /**
   * Appends `reply` to the thread of feedback `id`, and queues `outgoing` messages (e.g. its mail)
   * and records `audit` in the same transaction; `false` (nothing stored) when there is no such id.
   */
  addReply(id: string, reply: Reply, outgoing?: readonly NewOutgoingMessage[], audit?: AuditEntry): Promise<boolean>;
  /**
   * Forgets feedback `id`: the item, its replies, history and outgoing messages. Only a hash of the id
   * is kept, so that the same id posted again is not stored (`insert` answers `false`); audit entries
   * name it by that hash from then on. `audit` is recorded in the same transaction. `false` when there is no such id.
   */
  remove(id: string, audit?: AuditEntry): Promise<boolean>;
  /**
   * Ids of feedback received before `receivedBefore` (ISO 8601), spam too, oldest first, at most `limit`.
   * With `personalKept`, only those whose personal data has not been erased yet.
   */
  receivedBefore(receivedBefore: string, options: { limit: number; personalKept?: boolean }): Promise<string[]>;
  /**
   * Replaces feedback `id` with `feedback` (the same item with what identifies its writer left out),
   * forgets its identity check and its outgoing messages (they carry addresses), and records
   * `personalErasedAt`, with `audit`, in one transaction. The old text does not linger in the
   * database file where the store can prevent it. `false` (nothing done) when there is no such id,
   * or it was erased already (by another instance, say).
   */
  erasePersonal(id: string, feedback: StoredFeedback['feedback'], at: string, audit?: AuditEntry): Promise<boolean>;
  /** Appends to the audit trail (what goes with no change, such as an export). */
  recordAudit(entry: AuditEntry): Promise<void>;
  /** The audit trail, newest first; with `feedbackIds`, of those items only (deleted or not). @default limit 500 */
  audit(query?: { feedbackIds?: readonly string[]; limit?: number }): Promise<AuditEntry[]>;
  /** Messages of feedback `ids` that failed for good or are still being retried after an error, for the inbox. */
  deliveryProblems(ids: readonly string[]): Promise<DeliveryProblem[]>;
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
