import { createInbox, isInboxPath, type InboxOptions } from './inbox/inbox-routes.js';
import { createThreadRoutes } from './follow-up/thread-routes.js';
import { createIntake, type IntakeOptions } from './intake/intake-routes.js';
import { fromFetchRequest, type IntakeRequest } from './intake/intake-request.js';
import { createRateLimiter } from './intake/rate-limit.js';
import { json, toResponse, unavailable, type Answer } from './json-response.js';
import { forwardedAddress, isForwarded } from './client-address.js';

/** Options of {@link createHandler}: those of the intake and of the inbox, and where clients' addresses come from. */
export interface HandlerOptions extends IntakeOptions, InboxOptions {
  /**
   * How many reverse proxies in front of the collector to trust. With `N`, a client's address is the
   * `N`th entry from the right of `X-Forwarded-For` (the one the outermost trusted proxy wrote); with a
   * missing or malformed header, the connection's address. `0`: the connection's address, and a
   * request carrying forwarding headers is never a loopback reader of the inbox.
   * @default 0
   * @example { trustProxy: 1 } // one nginx or load balancer in front
   */
  trustProxy?: number;
}

/** What the runtime knows about the connection, which a `Request` does not carry. */
export interface ConnectionInfo {
  /** The client's IP address: the rate-limit key, and the loopback check of the inbox. */
  clientAddress?: string;
}

/** The collector's routes, as {@link createCollector} gives them. */
export interface CollectorRoutes {
  /** The Fetch-API handler: every route (see {@link createHandler}). */
  handle(request: Request, info?: ConnectionInfo): Promise<Response>;
  /**
   * `/feedback` alone, for a runtime that can give the intake a request without building a Fetch
   * `Request` (the Node server, for every post); `self` is the collector's origin as the request
   * addressed it. The same intake and rate limit as `handle`'s.
   */
  intake(request: IntakeRequest, self: string, info?: ConnectionInfo): Promise<Answer>;
}

/** The collector's routes for `options`: the Fetch handler and a direct way into its intake. */
export function createCollector(options: HandlerOptions): CollectorRoutes {
  // One budget per address for every write of a person: feedback, answers, withdrawals.
  const limiter = createRateLimiter(options.rateLimit ?? 60);
  const receive = createIntake(options, limiter);
  const threads = createThreadRoutes(options, limiter);
  const inbox = createInbox(options);
  const trustProxy = options.trustProxy ?? 0;
  const intake = (request: IntakeRequest, self: string, info: ConnectionInfo = {}) =>
    receive(request, self, forwardedAddress(request.header('x-forwarded-for'), trustProxy) ?? info.clientAddress);

  async function handle(request: Request, info: ConnectionInfo = {}): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return json({ error: 'bad_request' }, 400);
    }
    try {
      // The intake reads the forwarded address itself.
      if (url.pathname === '/feedback') return toResponse(await intake(fromFetchRequest(request), url.origin, info));
      const forwarded = forwardedAddress(request.headers.get('x-forwarded-for'), trustProxy);
      if (url.pathname.startsWith('/feedback/')) return await threads(request, url, forwarded ?? info.clientAddress);
      // A proxy on this machine connects from loopback, but speaks for someone else.
      if (isInboxPath(url.pathname)) return await inbox(request, url, forwarded ?? (isForwarded(request) ? undefined : info.clientAddress));
      if (url.pathname === '/health') {
        // Says whether this instance can reach its database: a load balancer takes it out of rotation when not.
        const reachable = await options.storage.ping().then(() => true, () => false);
        return reachable ? json({ ok: true, database: 'reachable' }, 200) : json({ ok: false, database: 'unreachable' }, 503, { 'retry-after': '5' });
      }
      return json({ error: 'not_found' }, 404);
    } catch (error) {
      // Only storage can fail here, never input.
      return unavailable(error);
    }
  }
  return { handle, intake };
}

/**
 * The collector as a Fetch-API handler: `POST /feedback` (intake), the person's thread
 * (`/feedback/{id}/thread`, `DELETE /feedback/{id}`), `GET /inbox`, `/inbox.json`,
 * `/inbox.csv` and the inbox's forms. Runs on Node (see `startServer`), Deno, Bun, workers.
 *
 * @example
 * const handle = createHandler({ storage: createSqliteStorage('./data/feedback.db'), allowOrigins: ['https://www.example.com'] });
 * const response = await handle(request, { clientAddress });
 */
export function createHandler(options: HandlerOptions): (request: Request, info?: ConnectionInfo) => Promise<Response> {
  return createCollector(options).handle;
}
