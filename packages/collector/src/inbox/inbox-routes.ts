import { json } from '../json-response.js';
import { FEEDBACK_STATUSES, type FeedbackStatus, type FeedbackStorage } from '../storage/feedback-storage.js';
import { adminAccess, SESSION_COOKIE, sameSecret, sessionValue } from './admin-auth.js';
import { toCsv } from './csv.js';
import { readFilter } from './inbox-filter.js';
import { renderInbox, renderLogin } from './inbox-page.js';
import { createServedHosts } from './served-hosts.js';

/** Options of the inbox: `/inbox`, `/inbox.json`, `/inbox.csv` and the inbox's forms. */
export interface InboxOptions {
  /** Where feedback is kept. */
  storage: FeedbackStorage;
  /** Token that reads the inbox (`Authorization: Bearer …`, or the inbox login). Without it only loopback clients may read. */
  adminToken?: string;
  /**
   * The address people use to reach the collector. The inbox answers only requests whose `Host` is
   * this URL's host name or a loopback name (`localhost`, `127.0.0.1`, `[::1]`), which stops DNS
   * rebinding; others get `421`. Without it, and without `adminToken`, only the loopback names.
   * An `https:` URL also marks the inbox's login cookie `Secure`.
   * @example 'https://feedback.example.com'
   */
  publicUrl?: string;
}

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

function readPublicUrl(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new TypeError(`publicUrl takes the address people use, such as https://feedback.example.com, not "${text}"`);
  return url;
}

/** Whether `pathname` belongs to the inbox. */
export const isInboxPath = (pathname: string) => pathname === '/inbox' || pathname.startsWith('/inbox/') || pathname === '/inbox.json' || pathname === '/inbox.csv';

/** Answers the inbox's paths for a client at `clientAddress` (the loopback check when there is no admin token). */
export function createInbox(options: InboxOptions): (request: Request, url: URL, clientAddress: string | undefined) => Promise<Response> {
  const { storage, adminToken } = options;
  const publicUrl = options.publicUrl === undefined ? undefined : readPublicUrl(options.publicUrl);
  const servedHosts = createServedHosts(publicUrl, adminToken);

  return async function inbox(request, url, clientAddress) {
    if (!servedHosts.serves(url)) return json({ error: 'host_not_served', message: servedHosts.hint }, 421);
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const access = await adminAccess(request, adminToken, clientAddress);
    const https = url.protocol === 'https:' || (publicUrl?.protocol === 'https:' && url.hostname === publicUrl.hostname);
    const secure = https ? '; Secure' : '';

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
  };
}
