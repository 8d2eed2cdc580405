import type { FeedbackStorage, InboxFilter, StoredFeedback } from './feedback-storage.js';

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

/** Keeps feedback in memory: for tests and trials. */
export function createMemoryStorage(): FeedbackStorage {
  const records = new Map<string, StoredFeedback>();
  return {
    insert: async (record) => {
      if (records.has(record.feedback.id)) return false;
      records.set(record.feedback.id, structuredClone(record));
      return true;
    },
    list: async (filter = {}) =>
      [...records.values()]
        .filter((record) => matchesFilter(record, filter))
        .sort((a, b) => b.feedback.createdAt.localeCompare(a.feedback.createdAt))
        .slice(0, filter.limit ?? 500)
        .map((record) => structuredClone(record)),
    setStatus: async (id, status) => {
      const record = records.get(id);
      if (record) record.status = status;
      return Boolean(record);
    },
    close: async () => {},
  };
}
