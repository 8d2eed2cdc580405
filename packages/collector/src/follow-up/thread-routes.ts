import { toHex } from '../hex.js';
import { readId } from '../feedback-id.js';
import { json, unavailable } from '../json-response.js';
import type { FeedbackStorage, StoredFeedback } from '../storage/feedback-storage.js';
import { createCorsPolicy, preflight } from '../intake/cors.js';
import type { RateLimiter } from '../intake/rate-limit.js';
import { readJson } from '../intake/read-body.js';
import { followUpKeyMatches } from './follow-up-key.js';
import { checkIdentity } from './identity-authorization.js';
import { readReplyText } from './reply-text.js';

/** Options of the thread routes: those of the intake they share. */
export interface ThreadOptions {
  storage: FeedbackStorage;
  allowOrigins?: readonly string[];
  maxBodyBytes?: number;
  /** The identity secret (see `signIdentity`): with it, a verified person reaches their threads by identity. */
  identitySecret?: string;
}

/** `GET /feedback/{id}/thread`: what the person who wrote may see. */
export interface ThreadView {
  id: string;
  /** `read` is the team's own mark: the person sees `new`. */
  status: 'new' | 'in-progress' | 'resolved';
  /** Team replies and the person's own answers, oldest first; never the team's notes. */
  replies: { id: string; author: 'team' | 'you'; body: string; createdAt: string }[];
}

/** `GET /feedback/threads` (by identity): each of the person's threads, with what they wrote. */
export interface IdentityThreadView extends ThreadView {
  createdAt: string;
  message?: string;
  rating?: { scale: string; value: number };
}

/** The person's view of a stored feedback. */
export function threadView(record: StoredFeedback): ThreadView {
  return {
    id: record.feedback.id,
    status: record.status === 'read' ? 'new' : record.status,
    replies: (record.replies ?? []).filter((r) => !r.internal).map(({ id, author, body, createdAt }) => ({ id, author, body, createdAt })),
  };
}

/** `/feedback/{id}/thread` or `/feedback/{id}`: the id and which of the two; `undefined` for another path. */
export function matchThreadPath(pathname: string): { id: string; thread: boolean } | undefined {
  const match = /^\/feedback\/([^/]{1,200})(\/thread)?$/.exec(pathname);
  const id = match ? readId(match[1]!) : undefined;
  return id === undefined ? undefined : { id, thread: Boolean(match![2]) };
}

const bearer = (request: Request) => /^Bearer ([\x21-\x7e]{1,256})$/.exec(request.headers.get('authorization') ?? '')?.[1];

/** Whether an `If-None-Match` header names `etag` (or is `*`). */
const matchesEtag = (header: string | null, etag: string) =>
  header !== null && header.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()));

/**
 * Answers the person who wrote a feedback, proven by its follow-up key (`Authorization: Bearer`):
 * `GET /feedback/{id}/thread` (with `ETag`, `If-None-Match` → `304`), `POST /feedback/{id}/thread`
 * with `{ message }` (their answer, `201`), `DELETE /feedback/{id}` (withdrawn, `204`). An unknown id,
 * a feedback sent without a key and a wrong key all get the same `404`. CORS as for `/feedback`.
 */
export function createThreadRoutes(options: ThreadOptions, limiter: RateLimiter): (request: Request, url: URL, clientAddress: string | undefined) => Promise<Response> {
  const { storage } = options;
  const cors = createCorsPolicy(options.allowOrigins ?? [], 'Retry-After, ETag');
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;

  /** `GET /feedback/threads` with an `Identity` authorization: the signed-in person's threads, newest first. */
  async function listByIdentity(request: Request, headers: Record<string, string>): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return json({ error: 'method_not_allowed' }, 405, { ...headers, allow: 'GET, OPTIONS' });
    const identity = (await checkIdentity(request, options.identitySecret, headers, true))!;
    if ('response' in identity) return identity.response;
    const threads = (await storage.listVerifiedByUser(identity.userId)).map(
      (record): IdentityThreadView => ({
        ...threadView(record),
        createdAt: record.feedback.createdAt,
        ...(record.feedback.message !== undefined ? { message: record.feedback.message } : {}),
        ...(record.feedback.rating ? { rating: record.feedback.rating } : {}),
      }),
    );
    return json({ threads }, 200, { ...headers, 'cache-control': 'private, no-store' });
  }

  async function answer(request: Request, id: string, thread: boolean, clientAddress: string | undefined, headers: Record<string, string>): Promise<Response> {
    const method = request.method;
    const allowed = thread ? ['GET', 'HEAD', 'POST'] : ['DELETE'];
    if (!allowed.includes(method)) return json({ error: 'method_not_allowed' }, 405, { ...headers, allow: [...allowed, 'OPTIONS'].join(', ') });
    // Every write counts against the address's budget, as a feedback post does; reading is free.
    if (method === 'POST' || method === 'DELETE') {
      const wait = limiter.take(clientAddress ?? 'unknown');
      if (wait) return json({ error: 'rate_limited', retryAfter: wait }, 429, { ...headers, 'retry-after': String(wait) });
    }
    // A signed-in person may read and answer their own verified feedback by identity; withdrawing takes the key.
    const identity = thread ? await checkIdentity(request, options.identitySecret, headers) : undefined;
    if (identity && 'response' in identity) return identity.response;
    const key = identity ? undefined : bearer(request);
    const record = key === undefined && !identity ? undefined : await storage.get(id);
    const permitted = identity
      ? record?.identity === 'verified' && !record.spam && record.feedback.user?.id === identity.userId
      : key !== undefined && (await followUpKeyMatches(key, record?.followUpKeyHash));
    // The same answer, after the same work, for an unknown id, a feedback without a key, a wrong key and another person's feedback.
    if (!permitted || !record) {
      return json({ error: 'not_found' }, 404, { ...headers, 'www-authenticate': 'Bearer realm="hearken-thread"' });
    }
    if (method === 'DELETE') {
      await storage.remove(id, { at: new Date().toISOString(), action: 'delete', feedbackId: id, by: 'person', via: 'key', detail: 'withdrawn by the writer' });
      return new Response(null, { status: 204, headers: { ...headers, 'cache-control': 'no-store' } });
    }
    if (method === 'POST') {
      const body = await readJson(request, maxBodyBytes, headers);
      if ('response' in body) return body.response;
      const message = readReplyText((body.value as { message?: unknown } | null)?.message, 'message');
      if ('issue' in message) return json({ error: 'invalid', issues: [message.issue] }, 422, headers);
      const reply = { id: crypto.randomUUID(), author: 'you' as const, body: message.text, createdAt: new Date().toISOString(), internal: false };
      if (!(await storage.addReply(id, reply))) return json({ error: 'not_found' }, 404, headers);
      // An answer to a resolved item means it is not resolved for the person: it opens again.
      if (record.status === 'resolved') await storage.setStatus(id, 'in-progress', 'writer');
      const { internal: _, ...shown } = reply;
      return json(shown, 201, headers);
    }
    const view = JSON.stringify(threadView(record));
    const etag = `"${toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(view))).slice(0, 32)}"`;
    // `private, no-cache`: only the person's own browser may keep it, and asks again each time.
    const cached = { ...headers, etag, 'cache-control': 'private, no-cache' };
    if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: cached });
    return new Response(method === 'HEAD' ? null : view, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...cached } });
  }

  return async function threadRoutes(request, url, clientAddress) {
    const byIdentity = url.pathname === '/feedback/threads';
    const path = byIdentity ? undefined : matchThreadPath(url.pathname);
    if (!byIdentity && !path) return json({ error: 'not_found' }, 404);
    const origin = request.headers.get('origin');
    const corsHeaders = cors.headers(origin, url.origin);
    if (request.method === 'OPTIONS') return preflight(request, corsHeaders, byIdentity ? 'GET, OPTIONS' : path!.thread ? 'GET, POST, OPTIONS' : 'DELETE, OPTIONS');
    if (origin && origin !== url.origin && !corsHeaders['access-control-allow-origin']) return json({ error: 'origin_not_allowed' }, 403, corsHeaders);
    try {
      if (byIdentity) return await listByIdentity(request, corsHeaders);
      return await answer(request, path!.id, path!.thread, clientAddress, corsHeaders);
    } catch (error) {
      return unavailable(error, corsHeaders);
    }
  };
}
