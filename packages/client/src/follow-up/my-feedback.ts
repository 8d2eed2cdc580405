import { MY_FEEDBACK_KEY as STORAGE_KEY, setUnreadCount } from './unread-marker.js';

/** The status a person sees of a feedback they sent (the team's `read` mark shows as `new`). */
export type ThreadStatus = 'new' | 'in-progress' | 'resolved';

/**
 * One feedback this browser sent with a follow-up key, kept (in localStorage, beside the outbox)
 * so the person can read the team's answers later. Nothing here leaves the browser but the key,
 * and only towards the endpoint the feedback went to.
 */
export interface MyFeedback {
  id: string;
  /** The follow-up key (see `createFollowUpKey`). */
  key: string;
  /** The endpoint the feedback was POSTed to; its thread is `{endpoint}/{id}/thread`. */
  endpoint: string;
  createdAt: string;
  /** The first words of the message (or the rating), to recognise it in a list. */
  excerpt: string;
  /** `true` once the endpoint's 2xx answer said it keeps threads (`"followUp": true`); only those are shown. */
  followUp?: boolean;
  /** Team replies known from the last check, and how many of them the person has seen. */
  teamReplies: number;
  seenReplies: number;
  status?: ThreadStatus;
  /** When the thread was last fetched (ms since the epoch), and its `ETag`. */
  checkedAt?: number;
  etag?: string;
}

/** Entries older than this are forgotten. */
export const MY_FEEDBACK_KEPT_MS = 90 * 24 * 3_600_000;

let memory: MyFeedback[] = [];

/** This browser's feedback with follow-up keys, newest first; `[]` when there is none. Synchronous and cheap. */
export function readMyFeedback(now = Date.now()): MyFeedback[] {
  let list = memory;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    list = stored ? (JSON.parse(stored) as MyFeedback[]) : [];
  } catch {
    // No localStorage (Node, blocked frames) or a damaged entry: what this page knows.
  }
  return Array.isArray(list) ? list.filter((entry) => entry && typeof entry.id === 'string' && now - Date.parse(entry.createdAt) < MY_FEEDBACK_KEPT_MS) : [];
}

function write(list: MyFeedback[]): void {
  memory = list;
  setUnreadCount(unreadReplies(list));
  try {
    if (list.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Full or missing storage: kept in memory for this page.
  }
}

/** Adds an entry (or replaces the one with its id). */
export function rememberMyFeedback(entry: MyFeedback): void {
  write([entry, ...readMyFeedback().filter((e) => e.id !== entry.id)]);
}

/** Changes one entry; nothing when it is not there. */
export function updateMyFeedback(id: string, patch: Partial<Omit<MyFeedback, 'id' | 'key'>>): void {
  write(readMyFeedback().map((e) => (e.id === id ? { ...e, ...patch } : e)));
}

/** Forgets one entry (the feedback was withdrawn, or the endpoint no longer knows it). */
export function forgetMyFeedback(id: string): void {
  write(readMyFeedback().filter((e) => e.id !== id));
}

/** Team replies the person has not seen yet, over every thread. */
export const unreadReplies = (list = readMyFeedback()) => list.reduce((sum, e) => sum + (e.followUp ? Math.max(0, e.teamReplies - e.seenReplies) : 0), 0);
