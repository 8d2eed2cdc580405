import { AUDIENCES, URGENCIES, parseFeedback, type Feedback } from '@hearken/client/schema';
import { adminAccess, SESSION_COOKIE, sameSecret, sessionValue } from './inbox/admin-auth.js';
import { toCsv } from './inbox/csv.js';
import { renderInbox, renderLogin } from './inbox/inbox-page.js';
import { createCorsPolicy } from './intake/cors.js';
import { verifyIdentity } from './intake/identity.js';
import { createRateLimiter } from './intake/rate-limit.js';
import { BodyTooLargeError, readBody } from './intake/read-body.js';
import { FEEDBACK_STATUSES, type FeedbackStatus, type FeedbackStorage, type InboxFilter, type NewOutgoingMessage, type StoredFeedback } from './storage/feedback-storage.js';

/** Options of {@link createHandler}. */
export interface HandlerOptions {
  /** Where feedback is kept. */
  storage: FeedbackStorage;
  /** Origins whose pages may post (exact, e.g. `https://www.example.com`); `*` for any, then without credentials. @default [] (same origin only) */
  allowOrigins?: readonly string[];
  /** Token that reads the inbox (`Authorization: Bearer …`, or the inbox login). Without it only loopback clients may read. */
  adminToken?: string;
  /** Posts per minute per client address; `0` turns the limit off. @default 60 */
  rateLimit?: number;
  /** Largest request body in bytes. @default 65536 */
  maxBodyBytes?: number;
  /** What to do with feedback caught by the honeypot or the time-to-submit check. @default 'store' (kept, marked as spam, hidden from the inbox) */
  spam?: 'store' | 'drop';
  /** Feedback filled in faster than this (milliseconds, from the form's `signals.fillMs`) counts as spam. @default 1500 */
  minFillMs?: number;
  /** Shared secret to verify `user.signature` (see `signIdentity`); verified identities are stored as `verified`. */
  identitySecret?: string;
  /** Called after a new feedback is stored, e.g. to send its forwards at once. Must not throw; it is not awaited. */
  onStored?: (record: StoredFeedback) => void;
  /** Messages to queue with a new (non-spam) feedback, in the same transaction, e.g. a webhook forwarder's `outgoing`. */
  outgoing?: (record: StoredFeedback) => readonly NewOutgoingMessage[];
}

/** What the runtime knows about the connection, which a `Request` does not carry. */
export interface ConnectionInfo {
  /** The client's IP address: the rate-limit key, and the loopback check of the inbox. */
  clientAddress?: string;
}

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

const html = (body: string, status: number, nonce: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...headers,
    },
  });

const redirect = (location: string, headers: Record<string, string> = {}) => new Response(null, { status: 303, headers: { location, ...headers } });

function readFilter(params: URLSearchParams): InboxFilter {
  const filter: InboxFilter = {};
  const pick = <K extends keyof InboxFilter>(key: K, allowed?: readonly string[]) => {
    const value = params.get(key)?.trim();
    if (value && value.length <= 200 && (!allowed || allowed.includes(value))) (filter as Record<string, string>)[key] = value;
  };
  pick('audience', AUDIENCES);
  pick('urgency', URGENCIES);
  pick('status', FEEDBACK_STATUSES);
  for (const key of ['category', 'department', 'site'] as const) pick(key);
  for (const key of ['from', 'to'] as const) if (/^\d{4}-\d\d-\d\d/.test(params.get(key) ?? '')) pick(key);
  const spam = params.get('spam');
  if (spam === 'only') filter.spam = 'only';
  else if (spam === 'true' || spam === '1') filter.spam = true;
  const limit = Number(params.get('limit'));
  if (Number.isInteger(limit) && limit > 0) filter.limit = Math.min(limit, 10_000);
  return filter;
}

/**
 * The collector as a Fetch-API handler: `POST /feedback` (intake), `GET /inbox`, `/inbox.json`,
 * `/inbox.csv` and the inbox's forms. Runs on Node (see `startServer`), Deno, Bun, workers.
 *
 * @example
 * const handle = createHandler({ storage: createSqliteStorage('./data/feedback.db'), allowOrigins: ['https://www.example.com'] });
 * const response = await handle(request, { clientAddress });
 */
export function createHandler(options: HandlerOptions): (request: Request, info?: ConnectionInfo) => Promise<Response> {
  const { storage, adminToken, identitySecret, onStored } = options;
  const cors = createCorsPolicy(options.allowOrigins ?? []);
  const limiter = createRateLimiter(options.rateLimit ?? 60);
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const minFillMs = options.minFillMs ?? 1500;

  async function intake(request: Request, info: ConnectionInfo, corsHeaders: Record<string, string>, crossOrigin: boolean): Promise<Response> {
    if (crossOrigin && !corsHeaders['access-control-allow-origin']) return json({ error: 'origin_not_allowed' }, 403, corsHeaders);
    const wait = limiter.take(info.clientAddress ?? 'unknown');
    if (wait) return json({ error: 'rate_limited', retryAfter: wait }, 429, { ...corsHeaders, 'retry-after': String(wait) });
    const type = request.headers.get('content-type') ?? '';
    // Only JSON: this also turns away cross-site HTML form posts, which cannot send application/json.
    if (!/^application\/json\s*(;|$)/i.test(type)) return json({ error: 'unsupported_media_type', expected: 'application/json' }, 415, corsHeaders);

    let text: string;
    try {
      text = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return json({ error: 'payload_too_large', limit: maxBodyBytes }, 413, { ...corsHeaders, connection: 'close' });
      return json({ error: 'malformed_body' }, 400, corsHeaders);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return json({ error: 'malformed_json' }, 400, corsHeaders);
    }
    const parsed = parseFeedback(value);
    if (!parsed.success) return json({ error: 'invalid', issues: parsed.issues }, 422, corsHeaders);
    const feedback: Feedback = parsed.data;

    const spam = feedback.signals?.honeypot === true || (feedback.signals?.fillMs !== undefined && feedback.signals.fillMs < minFillMs);
    // A bot sees the same answer as a person: nothing tells it what gave it away.
    if (spam && options.spam === 'drop') return json({ id: feedback.id, status: 'accepted' }, 202, corsHeaders);
    const record: StoredFeedback = { feedback, receivedAt: new Date().toISOString(), status: 'new', spam };
    if (feedback.user) record.identity = identitySecret && (await verifyIdentity(feedback.user, identitySecret)) ? 'verified' : 'unverified';
    if (feedback.user?.signature) delete feedback.user.signature;
    const isNew = await storage.insert(record, spam ? undefined : options.outgoing?.(record));
    if (isNew && !spam) onStored?.(record);
    return json({ id: feedback.id, status: isNew ? 'stored' : 'duplicate' }, isNew ? 201 : 200, corsHeaders);
  }

  async function inbox(request: Request, url: URL, info: ConnectionInfo): Promise<Response> {
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const access = await adminAccess(request, adminToken, info.clientAddress);
    const secure = url.protocol === 'https:' ? '; Secure' : '';

    if (url.pathname === '/inbox/login' && request.method === 'POST') {
      if (!adminToken) return redirect('/inbox');
      const form = await request.formData().catch(() => undefined);
      const token = String(form?.get('token') ?? '');
      if (!(await sameSecret(token, adminToken))) return html(renderLogin(nonce, true), 401, nonce);
      return redirect('/inbox', { 'set-cookie': `${SESSION_COOKIE}=${await sessionValue(adminToken)}; Path=/; HttpOnly; SameSite=Strict${secure}` });
    }
    if (url.pathname === '/inbox/logout' && request.method === 'POST') {
      return redirect('/inbox', { 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}` });
    }
    if (!access) {
      if (url.pathname === '/inbox' && request.method === 'GET' && adminToken) return html(renderLogin(nonce, false), 401, nonce);
      return json({ error: adminToken ? 'unauthorized' : 'loopback_only' }, adminToken ? 401 : 403, adminToken ? { 'www-authenticate': 'Bearer realm="hearken-inbox"' } : {});
    }

    if (url.pathname === '/inbox/status' && request.method === 'POST') {
      // A cookie-authenticated form post must come from this origin's own page.
      const origin = request.headers.get('origin');
      if (access === 'cookie' && origin && origin !== url.origin) return json({ error: 'cross_origin' }, 403);
      const form = await request.formData().catch(() => undefined);
      const id = String(form?.get('id') ?? '');
      const status = String(form?.get('status') ?? '') as FeedbackStatus;
      if (!FEEDBACK_STATUSES.includes(status)) return json({ error: 'invalid_status' }, 400);
      if (!(await storage.setStatus(id, status))) return json({ error: 'not_found' }, 404);
      const back = String(form?.get('back') ?? '/inbox');
      return redirect(back.startsWith('/inbox') && !back.startsWith('//') ? back : '/inbox');
    }
    if (request.method !== 'GET') return json({ error: 'method_not_allowed' }, 405, { allow: 'GET' });
    const filter = readFilter(url.searchParams);
    const records = await storage.list(filter);
    if (url.pathname === '/inbox.json') return json({ items: records }, 200);
    if (url.pathname === '/inbox.csv') {
      return new Response(toCsv(records), {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="hearken-feedback.csv"', 'cache-control': 'no-store' },
      });
    }
    return html(renderInbox(records, filter, url.searchParams.toString(), nonce, access === 'cookie'), 200, nonce);
  }

  return async function handle(request: Request, info: ConnectionInfo = {}): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return json({ error: 'bad_request' }, 400);
    }
    try {
      if (url.pathname === '/feedback') {
        const origin = request.headers.get('origin');
        const corsHeaders = cors.headers(origin, url.origin);
        if (request.method === 'OPTIONS') {
          if (!origin || !corsHeaders['access-control-allow-origin']) return new Response(null, { status: 403, headers: { vary: 'Origin' } });
          return new Response(null, {
            status: 204,
            headers: {
              ...corsHeaders,
              'access-control-allow-methods': 'POST, OPTIONS',
              'access-control-allow-headers': request.headers.get('access-control-request-headers')?.slice(0, 500) || 'content-type',
              'access-control-max-age': '600',
            },
          });
        }
        if (request.method !== 'POST') return json({ error: 'method_not_allowed' }, 405, { ...corsHeaders, allow: 'POST, OPTIONS' });
        return await intake(request, info, corsHeaders, Boolean(origin) && origin !== url.origin);
      }
      if (url.pathname === '/inbox' || url.pathname.startsWith('/inbox/') || url.pathname === '/inbox.json' || url.pathname === '/inbox.csv') {
        return await inbox(request, url, info);
      }
      if (url.pathname === '/health') {
        // Says whether this instance can reach its database: a load balancer takes it out of rotation when not.
        const reachable = await storage.ping().then(() => true, () => false);
        return reachable ? json({ ok: true, database: 'reachable' }, 200) : json({ ok: false, database: 'unreachable' }, 503, { 'retry-after': '5' });
      }
      return json({ error: 'not_found' }, 404);
    } catch (error) {
      // Only storage can fail here, never input: 503 tells clients to retry later, and nothing is lost.
      console.error('hearken-collector:', error);
      return json({ error: 'unavailable' }, 503, { 'retry-after': '5' });
    }
  };
}
