import { DEFAULT_ANSWER_TARGETS, isOverdue, type AnswerTargets } from '../follow-up/answer-targets.js';
import { isId, readId } from '../feedback-id.js';
import { readReplyText } from '../follow-up/reply-text.js';
import { BodyTooLargeError, readBody, readJson } from '../intake/read-body.js';
import { json } from '../json-response.js';
import { FEEDBACK_STATUSES, type AuditEntry, type FeedbackStatus, type FeedbackStorage, type NewOutgoingMessage, type Reply, type StoredFeedback } from '../storage/feedback-storage.js';
import { inboxStats } from './inbox-stats.js';
import { adminAccess, labelledTokens, SESSION_COOKIE, sessionValue, tokenOwner, type AdminAccess } from './admin-auth.js';
import { describeRetention, type Retention } from '../privacy/retention.js';
import { toCsv } from './csv.js';
import { readFilter } from './inbox-filter.js';
import type { InboxItem } from './inbox-item.js';
import { renderInbox, renderLogin } from './inbox-page.js';
import { createServedHosts } from './served-hosts.js';

/** Options of the inbox: `/inbox`, `/inbox.json`, `/inbox.csv` and the inbox's forms. */
export interface InboxOptions {
  /** Where feedback is kept. */
  storage: FeedbackStorage;
  /**
   * Token that reads the inbox (`Authorization: Bearer …`, or the inbox login), recorded as `admin`
   * in the history and the audit trail. Without it and without `teamTokens`, only loopback clients may read.
   */
  adminToken?: string;
  /**
   * More tokens that read and act in the inbox, each under its own label, so the audit trail says
   * who replied, changed a status, deleted or exported.
   * @example { alice: process.env.ALICE_TOKEN, helpdesk: process.env.HELPDESK_TOKEN }
   */
  teamTokens?: Readonly<Record<string, string>>;
  /** How long feedback and its personal data are kept: shown on the inbox page and in `/inbox.json` (the deleting is `startRetention`'s). */
  retention?: Retention;
  /**
   * The address people use to reach the collector. The inbox answers only requests whose `Host` is
   * this URL's host name or a loopback name (`localhost`, `127.0.0.1`, `[::1]`), which stops DNS
   * rebinding; others get `421`. Without it, and without `adminToken`, only the loopback names.
   * An `https:` URL also marks the inbox's login cookie `Secure`.
   * @example 'https://feedback.example.com'
   */
  publicUrl?: string;
  /**
   * How long feedback may wait for the team's first reply, per urgency, before it is overdue.
   * @default { high: 3_600_000, normal: 172_800_000, low: 432_000_000 } (1 hour, 2 days, 5 days)
   * @example { ...DEFAULT_ANSWER_TARGETS, high: 15 * 60_000 }
   */
  answerTargets?: AnswerTargets;
  /**
   * The team a feedback is routed to and its answer targets (see `readRoutes`); `undefined` for
   * feedback no route takes, which keeps `answerTargets`.
   */
  routeOf?: (record: StoredFeedback) => { team: string; answerTargets: AnswerTargets } | undefined;
  /** Messages to queue with a team reply, in the same transaction, e.g. a mail sender's `outgoing`. Not called for notes. */
  replyOutgoing?: (record: StoredFeedback, reply: Reply) => readonly NewOutgoingMessage[];
  /** Called after a team reply is stored, e.g. to send its mail at once. Must not throw; it is not awaited. */
  onReply?: (record: StoredFeedback, reply: Reply) => void;
}


const html = (body: string, status: number, nonce: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      'x-content-type-options': 'nosniff',
      // Not `no-referrer`: under it browsers send `Origin: null` with the page's own form posts, which the
      // cross-site check below must refuse. `same-origin` still sends nothing to other sites.
      'referrer-policy': 'same-origin',
      ...headers,
    },
  });

/** Largest body of a team reply (JSON or form): 5,000 code points of up to 4 bytes, encoded, fit. */
const MAX_REPLY_BYTES = 64 * 1024;

/** Where a form goes back to: a page of the inbox, never elsewhere. */
const backTo = (value: unknown) => {
  const back = typeof value === 'string' ? value : '/inbox';
  return back.startsWith('/inbox') && !back.startsWith('//') ? back : '/inbox';
};

const redirect = (location: string, headers: Record<string, string> = {}) => new Response(null, { status: 303, headers: { location, ...headers } });

function readPublicUrl(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new TypeError(`publicUrl takes the address people use, such as https://feedback.example.com, not "${text}"`);
  return url;
}

/** Whether a feedback names `email` (lower-case) as its contact's or its user's address: what is held about that person. */
export const holdsEmail = ({ feedback }: StoredFeedback, email: string) => feedback.contact?.email?.toLowerCase() === email || feedback.user?.email?.toLowerCase() === email;

/** Whether `pathname` belongs to the inbox. */
export const isInboxPath = (pathname: string): boolean => pathname === '/inbox' || pathname.startsWith('/inbox/') || pathname === '/inbox.json' || pathname === '/inbox.csv';

/** Answers the inbox's paths for a client at `clientAddress` (the loopback check when there is no admin token). */
export function createInbox(options: InboxOptions): (request: Request, url: URL, clientAddress: string | undefined) => Promise<Response> {
  const { storage } = options;
  const tokens = labelledTokens(options.adminToken, options.teamTokens);
  const secured = tokens.length > 0;
  /** The audit entry of what `access` does now; stores record it with the change itself. */
  const entry = (access: AdminAccess, action: AuditEntry['action'], feedbackId?: string, detail?: string): AuditEntry => ({
    at: new Date().toISOString(),
    action,
    ...(feedbackId === undefined ? {} : { feedbackId }),
    by: access.by,
    via: access.via,
    ...(detail === undefined ? {} : { detail }),
  });
  const retention = describeRetention(options.retention);
  const publicUrl = options.publicUrl === undefined ? undefined : readPublicUrl(options.publicUrl);
  const servedHosts = createServedHosts(publicUrl, tokens.length > 0);
  const answerTargets = options.answerTargets ?? DEFAULT_ANSWER_TARGETS;
  const targetOf = (record: StoredFeedback) => (options.routeOf?.(record)?.answerTargets ?? answerTargets)[record.feedback.urgency ?? 'normal'];

  /** Every item whose contact or user email is `email`, spam too: what is held about that person. */
  const heldAbout = async (email: string) => (await storage.list({ spam: true, limit: 1_000_000 })).filter((r) => holdsEmail(r, email));

  async function toItems(records: StoredFeedback[], now: number): Promise<InboxItem[]> {
    const problems = await storage.deliveryProblems(records.map((r) => r.feedback.id));
    return records.map(({ followUpKeyHash: _, ...record }) => {
      const team = options.routeOf?.(record)?.team;
      return {
        ...record,
        overdue: isOverdue(record, targetOf(record), now),
        ...(team ? { team } : {}),
        undelivered: problems.filter((p) => p.feedbackId === record.feedback.id).map(({ feedbackId: __, ...problem }) => problem),
      };
    });
  }

  /** `POST /inbox/{id}/replies`, as JSON (`201`) or from the page's form (`303` back to the page). */
  async function reply(request: Request, id: string, access: AdminAccess): Promise<Response> {
    const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '');
    let fields: { body?: unknown; internal?: unknown; back?: unknown };
    if (isForm) {
      let form: URLSearchParams;
      try {
        form = new URLSearchParams(await readBody(request, MAX_REPLY_BYTES));
      } catch (error) {
        return error instanceof BodyTooLargeError ? json({ error: 'payload_too_large', limit: MAX_REPLY_BYTES }, 413, { connection: 'close' }) : json({ error: 'malformed_body' }, 400);
      }
      fields = { body: form.get('body') ?? undefined, internal: form.get('internal') === 'on' || form.get('internal') === 'true', back: form.get('back') };
    } else {
      // Anything but a form is read as JSON: another type gets 415 there.
      const body = await readJson(request, MAX_REPLY_BYTES, {});
      if ('response' in body) return body.response;
      fields = (typeof body.value === 'object' && body.value) || {};
    }
    const text = readReplyText(fields.body, 'body');
    if ('issue' in text) return json({ error: 'invalid', issues: [text.issue] }, 422);
    if (fields.internal !== undefined && typeof fields.internal !== 'boolean') return json({ error: 'invalid', issues: [{ path: ['internal'], code: 'invalid_type', message: 'internal: true or false' }] }, 422);
    const record = await storage.get(id);
    if (!record) return json({ error: 'not_found' }, 404);
    const internal = fields.internal === true;
    // A reply to a bot goes nowhere; a note on it is fine.
    if (record.spam && !internal) return json({ error: 'spam', message: 'This feedback was caught as spam: its writer is not answered. Add a note (internal: true) instead.' }, 409);
    const stored: Reply = { id: crypto.randomUUID(), author: 'team', body: text.text, createdAt: new Date().toISOString(), internal };
    if (!(await storage.addReply(id, stored, internal ? [] : options.replyOutgoing?.(record, stored), entry(access, internal ? 'note' : 'reply', id)))) return json({ error: 'not_found' }, 404);
    if (!internal) options.onReply?.(record, stored);
    if (isForm) return redirect(backTo(fields.back));
    return json(stored, 201);
  }

  return async function inbox(request, url, clientAddress) {
    if (!servedHosts.serves(url)) return json({ error: 'host_not_served', message: servedHosts.hint }, 421);
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const access = await adminAccess(request, tokens, clientAddress);
    const https = url.protocol === 'https:' || (publicUrl?.protocol === 'https:' && url.hostname === publicUrl.hostname);
    const secure = https ? '; Secure' : '';

    if (url.pathname === '/inbox/login' && request.method === 'POST') {
      if (!secured) return redirect('/inbox');
      const form = await request.formData().catch(() => undefined);
      const token = String(form?.get('token') ?? '');
      if (!(await tokenOwner(token, tokens))) return html(renderLogin(nonce, true), 401, nonce);
      return redirect('/inbox', { 'set-cookie': `${SESSION_COOKIE}=${await sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict${secure}` });
    }
    if (url.pathname === '/inbox/logout' && request.method === 'POST') {
      return redirect('/inbox', { 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}` });
    }
    if (!access) {
      if (url.pathname === '/inbox' && request.method === 'GET' && secured) return html(renderLogin(nonce, false), 401, nonce);
      return json({ error: secured ? 'unauthorized' : 'loopback_only' }, secured ? 401 : 403, secured ? { 'www-authenticate': 'Bearer realm="hearken-inbox"' } : {});
    }

    // A cookie-authenticated post (the page's forms) must come from this origin's own page.
    const origin = request.headers.get('origin');
    // (A loopback reader has no cookie to protect it: a page elsewhere in the same browser could post.)
    if (request.method === 'POST' && access.via !== 'bearer' && origin !== null && origin !== url.origin) return json({ error: 'cross_origin' }, 403);
    if (url.pathname === '/inbox/status' && request.method === 'POST') {
      const form = await request.formData().catch(() => undefined);
      const id = String(form?.get('id') ?? '');
      const status = String(form?.get('status') ?? '') as FeedbackStatus;
      if (!FEEDBACK_STATUSES.includes(status)) return json({ error: 'invalid_status' }, 400);
      if (!isId(id)) return json({ error: 'not_found' }, 404);
      if (!(await storage.setStatus(id, status, access.by, entry(access, 'status', id, status)))) return json({ error: 'not_found' }, 404);
      return redirect(backTo(form?.get('back')));
    }
    // Deleting one item (`DELETE /inbox/{id}`, or the page's confirmed form), or every item of one person (`DELETE /inbox?email=`).
    const removal = /^\/inbox\/([^/]{1,200})(\/delete)?$/.exec(url.pathname);
    if (removal && (request.method === 'DELETE' || (request.method === 'POST' && removal[2]))) {
      const id = readId(removal[1]!);
      if (id === undefined || !(await storage.remove(id, entry(access, 'delete', id)))) return json({ error: 'not_found' }, 404);
      return request.method === 'POST' ? redirect('/inbox') : new Response(null, { status: 204 });
    }
    // Every item of one person: `DELETE /inbox?email=`, or the page's confirmed form.
    if ((url.pathname === '/inbox' && request.method === 'DELETE') || (url.pathname === '/inbox/delete-person' && request.method === 'POST')) {
      const form = request.method === 'POST' ? await request.formData().catch(() => undefined) : undefined;
      const email = readFilter(form ? new URLSearchParams({ email: String(form.get('email') ?? '') }) : url.searchParams).email;
      if (!email) return json({ error: 'email_required', message: 'Deleting the items of one person needs their address: ?email=ADDRESS' }, 400);
      let deleted = 0;
      for (const record of await heldAbout(email)) if (await storage.remove(record.feedback.id, entry(access, 'delete', record.feedback.id, 'all items of one person'))) deleted++;
      return form ? redirect('/inbox') : json({ deleted }, 200);
    }
    const replies = /^\/inbox\/([^/]{1,200})\/replies$/.exec(url.pathname);
    if (replies) {
      if (request.method !== 'POST') return json({ error: 'method_not_allowed' }, 405, { allow: 'POST' });
      const id = readId(replies[1]!);
      return id === undefined ? json({ error: 'not_found' }, 404) : reply(request, id, access);
    }
    if (request.method !== 'GET') return json({ error: 'method_not_allowed' }, 405, { allow: 'GET' });
    const filter = readFilter(url.searchParams);
    const now = Date.now();
    // The whole trail, or one item's (`?id=`, or `/inbox/{id}/audit.json`).
    const itemAudit = /^\/inbox\/([^/]{1,200})\/audit\.json$/.exec(url.pathname);
    if (url.pathname === '/inbox/audit.json' || itemAudit) {
      // A segment that is no id reads as '', which no feedback has.
      const id = itemAudit ? (readId(itemAudit[1]!) ?? '') : (url.searchParams.get('id') ?? undefined);
      if (id !== undefined && !isId(id)) return json({ error: 'not_found' }, 404);
      return json({ entries: await storage.audit({ ...(id === undefined ? {} : { feedbackIds: [id] }), limit: filter.limit ?? 500 }) }, 200);
    }
    if (url.pathname === '/inbox/stats.json') {
      const all = await storage.list({ ...filter, limit: filter.limit ?? 1_000_000 });
      return json(inboxStats(all, targetOf, (r) => options.routeOf?.(r)?.team, now), 200);
    }
    const overdueOnly = url.searchParams.get('overdue') === 'true';
    // Overdue depends on the clock and an email may be in two places, so both are filtered here, over every match of the other filters.
    const { email } = filter;
    const records =
      overdueOnly || email
        ? (await storage.list({ ...filter, ...(email ? { spam: filter.spam ?? true } : {}), limit: 1_000_000 }))
            .filter((r) => (!overdueOnly || isOverdue(r, targetOf(r), now)) && (!email || holdsEmail(r, email)))
            // What is held about a person is all of it, unless a limit is asked for.
            .slice(0, filter.limit ?? (email ? undefined : 500))
        : await storage.list(filter);
    const items = await toItems(records, now);
    // What is held about one person, and every CSV, leaves the inbox as an export: recorded.
    if ((url.pathname === '/inbox.json' && email) || url.pathname === '/inbox.csv') {
      await storage.recordAudit(entry(access, 'export', undefined, `${records.length} item${records.length === 1 ? '' : 's'} as ${url.pathname === '/inbox.csv' ? 'CSV' : 'JSON'}${email ? ', of one person' : ''}`));
    }
    if (url.pathname === '/inbox.json') return json({ items, retention }, 200);
    if (url.pathname === '/inbox.csv') {
      return new Response(toCsv(records), {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="hearken-feedback.csv"', 'cache-control': 'no-store' },
      });
    }
    if (url.pathname !== '/inbox') return json({ error: 'not_found' }, 404);
    const trail = await storage.audit({ feedbackIds: records.map((r) => r.feedback.id), limit: 10_000 });
    // The page's "Delete all N items" counts what that form deletes: every item of the address, whatever else is filtered.
    const personItems = email ? (await heldAbout(email)).length : 0;
    return html(renderInbox(items, filter, url.searchParams.toString(), nonce, { canLogOut: access.via === 'cookie', overdueOnly, retention, audit: trail, personItems }), 200, nonce);
  };
}
