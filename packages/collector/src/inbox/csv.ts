import type { StoredFeedback } from '../storage/feedback-storage.js';

const COLUMNS = ['id', 'createdAt', 'receivedAt', 'status', 'audience', 'category', 'urgency', 'rating', 'message', 'user', 'department', 'identity', 'contact', 'anonymous', 'site', 'url', 'tags', 'spam'] as const;

/**
 * One CSV cell (RFC 4180). Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return) get a leading `'`, so exported feedback cannot attack whoever opens it.
 */
function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records: StoredFeedback[]): string {
  const rows = records.map(({ feedback: f, receivedAt, status, identity, spam }) => [
    f.id, f.createdAt, receivedAt, status, f.audience, f.category, f.urgency,
    f.rating ? `${f.rating.scale}:${f.rating.value}` : '', f.message,
    f.user?.name ?? f.user?.id, f.user?.department, identity,
    f.contact?.mayContact ? (f.contact.email ?? '') : '', f.anonymous, f.site, f.context?.url, f.tags?.join(' '), spam,
  ]);
  return [COLUMNS, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
