import { HttpError } from '../errors/http-error.js';
import { NetworkError } from '../errors/network-error.js';
import type { HearkenError } from '../errors/hearken-error.js';
import type { Rating } from '../schema/feedback.js';
import { readMyFeedback, updateMyFeedback, forgetMyFeedback, type MyFeedback, type ThreadStatus } from './my-feedback.js';

/** One message in a thread: from the team, or from the person ("you"). Bodies are plain text. */
export interface ThreadReply {
  id: string;
  author: 'team' | 'you';
  body: string;
  createdAt: string;
}

/** `GET {endpoint}/{id}/thread`: the feedback's status and every reply meant for the person. */
export interface Thread {
  id: string;
  status: ThreadStatus;
  replies: ThreadReply[];
}

/**
 * What reaches one thread: its endpoint and id, and either this browser's follow-up key or an
 * `Identity` authorization (a signed-in person's, on any device; see `identityAuthorization`).
 */
export type ThreadAccess = Pick<MyFeedback, 'id' | 'endpoint'> & ({ key: string; authorization?: undefined } | { authorization: string; key?: undefined });

/** `GET {endpoint}/threads` (by identity): one of the signed-in person's threads, with what they wrote. */
export interface IdentityThread extends Thread {
  createdAt: string;
  message?: string;
  rating?: Rating;
}

/** What a thread request came to: the thread, `gone` (the endpoint does not know this id and key: 404), or an error. */
export type ThreadResult = { ok: true; thread: Thread } | { ok: false; gone: boolean; error: HearkenError };

/** Options of the thread requests. */
export interface ThreadRequestOptions {
  /** As the client's `credentials`. @default 'same-origin' */
  credentials?: 'omit' | 'same-origin' | 'include';
  fetch?: typeof fetch;
}

/** How often one thread is checked for replies in the background, across page loads. */
export const THREAD_CHECK_INTERVAL_MS = 10 * 60_000;

export const threadUrl = (entry: Pick<MyFeedback, 'endpoint' | 'id'>) => `${entry.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(entry.id)}/thread`;
const feedbackUrl = (entry: Pick<MyFeedback, 'endpoint' | 'id'>) => `${entry.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(entry.id)}`;

async function call(entry: Pick<ThreadAccess, 'key' | 'authorization'>, url: string, init: RequestInit, options: ThreadRequestOptions): Promise<Response | HearkenError> {
  try {
    return await (options.fetch ?? fetch)(url, {
      ...init,
      credentials: options.credentials ?? 'same-origin',
      headers: { authorization: entry.authorization ?? `Bearer ${entry.key}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string>) },
    });
  } catch (cause) {
    return new NetworkError(cause);
  }
}

const failure = async (response: Response | HearkenError): Promise<ThreadResult> => {
  if (!(response instanceof Response)) return { ok: false, gone: false, error: response };
  const text = await response.text().catch(() => '');
  return { ok: false, gone: response.status === 404, error: new HttpError(response.status, text.slice(0, 2000), response.status >= 500 || response.status === 429) };
};

const isTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Whether `value` is a thread as the thread API answers it, as far as showing it could fail: replies with text and times. */
const isThread = (value: unknown): value is Thread => {
  const thread = value as Thread | null;
  return typeof thread?.id === 'string' && Array.isArray(thread.replies) && thread.replies.every((r) => typeof r?.body === 'string' && isTime(r.createdAt));
};

/** A 2xx whose body is not what the thread API answers (a page's HTML fallback, say): tried again later. */
const notAThread = (response: Response) => new HttpError(response.status, 'not a thread', true);

const teamReplies = (thread: Thread) => thread.replies.filter((r) => r.author === 'team').length;

/**
 * Fetches one thread and records what it says (status, number of team replies) in the
 * "my feedback" list. With `markSeen`, the person has now seen every reply. With `conditional`,
 * the recorded `ETag` goes along and a `304` resolves `unchanged`. A `404` forgets the entry
 * (withdrawn, deleted, or never kept).
 */
export async function loadThread(
  entry: ThreadAccess & Pick<Partial<MyFeedback>, 'etag'>,
  options: ThreadRequestOptions & { markSeen?: boolean; conditional?: boolean; now?: number } = {},
): Promise<ThreadResult | { ok: true; unchanged: true }> {
  const now = options.now ?? Date.now();
  const headers: Record<string, string> = options.conditional && entry.etag ? { 'if-none-match': entry.etag } : {};
  const response = await call(entry, threadUrl(entry), { method: 'GET', headers }, options);
  if (response instanceof Response && response.status === 304) {
    updateMyFeedback(entry.id, { checkedAt: now });
    return { ok: true, unchanged: true };
  }
  if (!(response instanceof Response) || !response.ok) {
    const result = await failure(response);
    if (!result.ok && result.gone) forgetMyFeedback(entry.id);
    else updateMyFeedback(entry.id, { checkedAt: now });
    return result;
  }
  const thread: unknown = await response.json().catch(() => undefined);
  if (!isThread(thread)) {
    updateMyFeedback(entry.id, { checkedAt: now });
    return { ok: false, gone: false, error: notAThread(response) };
  }
  const known = teamReplies(thread);
  updateMyFeedback(entry.id, {
    status: thread.status,
    teamReplies: known,
    checkedAt: now,
    etag: response.headers.get('etag') ?? undefined,
    ...(options.markSeen ? { seenReplies: known } : {}),
  });
  return { ok: true, thread };
}

/** The person answers the team: `POST {endpoint}/{id}/thread` with `{ message }`. */
export async function answerThread(entry: ThreadAccess, message: string, options: ThreadRequestOptions = {}): Promise<{ ok: true } | { ok: false; error: HearkenError }> {
  const response = await call(entry, threadUrl(entry), { method: 'POST', body: JSON.stringify({ message }) }, options);
  if (response instanceof Response && response.ok) return { ok: true };
  const result = await failure(response);
  return { ok: false, error: (result as { error: HearkenError }).error };
}

/** The person withdraws a feedback: `DELETE {endpoint}/{id}` with the key; the entry is forgotten on `204` or `404`. */
export async function withdrawFeedback(entry: MyFeedback, options: ThreadRequestOptions = {}): Promise<{ ok: true } | { ok: false; error: HearkenError }> {
  const response = await call(entry, feedbackUrl(entry), { method: 'DELETE' }, options);
  if (response instanceof Response && (response.ok || response.status === 404)) {
    forgetMyFeedback(entry.id);
    return { ok: true };
  }
  const result = await failure(response);
  return { ok: false, error: (result as { error: HearkenError }).error };
}

/**
 * Checks, in the background, every thread not checked for {@link THREAD_CHECK_INTERVAL_MS}
 * (conditional requests), so that the launcher can show unseen team replies. A failing check
 * waits for the next interval. Costs nothing when this browser holds no keys.
 */
export async function checkThreads(options: ThreadRequestOptions & { now?: number } = {}): Promise<void> {
  const now = options.now ?? Date.now();
  const due = readMyFeedback(now).filter((e) => e.followUp && now - (e.checkedAt ?? 0) >= THREAD_CHECK_INTERVAL_MS);
  await Promise.all(due.map((entry) => loadThread(entry, { ...options, conditional: true, now })));
}

/**
 * A signed-in person's threads on `endpoint`, newest first, on any device: `GET {endpoint}/threads`
 * with their {@link identityAuthorization}. The endpoint lists only feedback it stored as sent by
 * that verified user; notes never come.
 */
export async function loadIdentityThreads(
  endpoint: string,
  authorization: string,
  options: ThreadRequestOptions = {},
): Promise<{ ok: true; threads: IdentityThread[] } | { ok: false; error: HearkenError }> {
  const response = await call({ authorization }, `${endpoint.replace(/\/+$/, '')}/threads`, { method: 'GET' }, options);
  if (response instanceof Response && response.ok) {
    const body = (await response.json().catch(() => undefined)) as { threads?: unknown } | undefined;
    if (!Array.isArray(body?.threads)) return { ok: false, error: notAThread(response) };
    return { ok: true, threads: body.threads.filter((t): t is IdentityThread => isThread(t) && isTime((t as IdentityThread).createdAt)) };
  }
  return { ok: false, error: ((await failure(response)) as { error: HearkenError }).error };
}
