import { removedIdHash } from './removed-id.js';
import { VERIFIED_THREADS_LIMIT, type AuditEntry, type FeedbackStorage, type InboxFilter, type NewOutgoingMessage, type OutgoingMessage, type Reply, type StatusChange, type StoredFeedback } from './feedback-storage.js';

/** Matches a record against an inbox filter; shared by every storage that filters in JavaScript. */
export function matchesFilter({ feedback, status, spam }: StoredFeedback, filter: InboxFilter): boolean {
  const wantSpam = filter.spam ?? false;
  if (wantSpam === 'only' ? !spam : !wantSpam && spam) return false;
  if (filter.audience && feedback.audience !== filter.audience) return false;
  if (filter.category && feedback.category !== filter.category) return false;
  if (filter.urgency && feedback.urgency !== filter.urgency) return false;
  if (filter.department && feedback.user?.department !== filter.department) return false;
  if (filter.site && feedback.site !== filter.site) return false;
  if (filter.status && status !== filter.status) return false;
  if (filter.from && feedback.createdAt < filter.from) return false;
  if (filter.to && feedback.createdAt.slice(0, filter.to.length) > filter.to) return false;
  return true;
}

interface QueuedMessage extends NewOutgoingMessage {
  id: string;
  feedbackId: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  queuedAt: number;
  nextAttemptAt: number;
  leaseUntil: number;
  leaseToken: string;
}

/** Keeps feedback in memory: for tests and trials. */
export function createMemoryStorage(): FeedbackStorage {
  const records = new Map<string, StoredFeedback>();
  // Insertion order breaks ties of equal `receivedAt`, as the row order does in the databases.
  const order = new Map<string, number>();
  const outgoing = new Map<string, QueuedMessage & { error?: string }>();
  // Removed ids; this store keeps nothing on disk, so there is nothing to hash them for.
  const removed = new Set<string>();
  const auditTrail: AuditEntry[] = [];
  const enqueue = (id: string, messages: readonly NewOutgoingMessage[]) => {
    const now = Date.now();
    for (const message of messages) {
      if ([...outgoing.values()].some((m) => m.feedbackId === id && m.kind === message.kind && m.target === message.target)) continue;
      const queued = { ...message, id: crypto.randomUUID(), feedbackId: id, state: 'pending' as const, attempts: 0, queuedAt: now, nextAttemptAt: now, leaseUntil: 0, leaseToken: '' };
      outgoing.set(queued.id, queued);
    }
  };
  // A removed item is named by its hash, as the databases do.
  const recordAudit = (entry: AuditEntry) =>
    void auditTrail.push(structuredClone(entry.feedbackId !== undefined && removed.has(entry.feedbackId) ? { ...entry, feedbackId: removedIdHash(entry.feedbackId) } : entry));
  const copy = (record: StoredFeedback): StoredFeedback => structuredClone({ ...record, replies: record.replies ?? [], history: record.history ?? [] });
  return {
    insert: async (record, messages = []) => {
      const id = record.feedback.id;
      if (records.has(id) || removed.has(id)) return false;
      const { replies: _replies, history: _history, ...fields } = structuredClone(record);
      records.set(id, { ...fields, replies: [], history: [] });
      order.set(id, order.size);
      enqueue(id, messages);
      return true;
    },
    list: async (filter = {}) =>
      [...records.values()]
        .filter((record) => matchesFilter(record, filter))
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || order.get(b.feedback.id)! - order.get(a.feedback.id)!)
        .slice(0, filter.limit ?? 500)
        .map(copy),
    listVerifiedByUser: async (userId) =>
      [...records.values()]
        .filter((record) => record.identity === 'verified' && !record.spam && record.feedback.user?.id === userId)
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || order.get(b.feedback.id)! - order.get(a.feedback.id)!)
        .slice(0, VERIFIED_THREADS_LIMIT)
        .map(copy),
    get: async (id) => {
      const record = records.get(id);
      return record && copy(record);
    },
    setStatus: async (id, status, by = 'team', audit) => {
      const record = records.get(id);
      if (record) {
        record.status = status;
        record.history!.push({ status, at: new Date().toISOString(), by } satisfies StatusChange);
        if (audit) recordAudit(audit);
      }
      return Boolean(record);
    },
    addReply: async (id, reply: Reply, messages = [], audit) => {
      const record = records.get(id);
      if (!record) return false;
      record.replies!.push(structuredClone(reply));
      enqueue(id, messages);
      if (audit) recordAudit(audit);
      return true;
    },
    remove: async (id, audit) => {
      if (!records.delete(id)) return false;
      removed.add(id);
      for (const entry of auditTrail) if (entry.feedbackId === id) entry.feedbackId = removedIdHash(id);
      for (const [key, m] of outgoing) if (m.feedbackId === id) outgoing.delete(key);
      if (audit) recordAudit(audit);
      return true;
    },
    receivedBefore: async (before, { limit, personalKept }) =>
      [...records.values()]
        .filter((record) => record.receivedAt < before && !(personalKept && record.personalErasedAt))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || order.get(a.feedback.id)! - order.get(b.feedback.id)!)
        .slice(0, limit)
        .map((record) => record.feedback.id),
    erasePersonal: async (id, feedback, at, audit) => {
      const record = records.get(id);
      if (!record || record.personalErasedAt) return false;
      record.feedback = structuredClone(feedback);
      delete record.identity;
      record.personalErasedAt = at;
      for (const [key, m] of outgoing) if (m.feedbackId === id) outgoing.delete(key);
      if (audit) recordAudit(audit);
      return true;
    },
    recordAudit: async (entry) => recordAudit(entry),
    audit: async ({ feedbackIds, limit = 500 } = {}) => {
      const named = feedbackIds && new Set(feedbackIds.flatMap((id) => [id, removedIdHash(id)]));
      return auditTrail
        .filter((entry) => !named || (entry.feedbackId !== undefined && named.has(entry.feedbackId)))
        .reverse()
        .slice(0, limit)
        .map((entry) => structuredClone(entry));
    },
    deliveryProblems: async (ids) =>
      [...outgoing.values()]
        .filter((m) => ids.includes(m.feedbackId) && m.error !== undefined && m.state !== 'sent')
        .map((m) => ({ feedbackId: m.feedbackId, kind: m.kind, target: m.target, state: m.state as 'pending' | 'failed', attempts: m.attempts, error: m.error! })),
    claimOutgoing: async (kind, { now, leaseMs, limit }) => {
      const due = [...outgoing.values()]
        .filter((m) => m.kind === kind && m.state === 'pending' && m.nextAttemptAt <= now && m.leaseUntil <= now)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
        .slice(0, limit);
      return due.map((m): OutgoingMessage => {
        Object.assign(m, { attempts: m.attempts + 1, leaseUntil: now + leaseMs, leaseToken: crypto.randomUUID() });
        return { id: m.id, feedbackId: m.feedbackId, kind: m.kind, target: m.target, payload: m.payload, attempts: m.attempts, queuedAt: m.queuedAt, leaseToken: m.leaseToken };
      });
    },
    settleOutgoing: async ({ id, leaseToken }, outcome) => {
      const m = outgoing.get(id);
      if (!m || m.state !== 'pending' || m.leaseToken !== leaseToken) return false;
      if (outcome.state === 'retry') Object.assign(m, { nextAttemptAt: outcome.at, leaseUntil: 0, leaseToken: '', error: outcome.error });
      else Object.assign(m, { state: outcome.state, error: outcome.state === 'failed' ? outcome.error : undefined });
      return true;
    },
    ping: async () => {},
    close: async () => {},
  };
}
