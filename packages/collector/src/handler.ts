import { createInbox, isInboxPath, type InboxOptions } from './inbox/inbox-routes.js';
import { createIntake, type IntakeOptions } from './intake/intake-routes.js';
import { json } from './json-response.js';

/** Options of {@link createHandler}: those of the intake and of the inbox. */
export interface HandlerOptions extends IntakeOptions, InboxOptions {}

/** What the runtime knows about the connection, which a `Request` does not carry. */
export interface ConnectionInfo {
  /** The client's IP address: the rate-limit key, and the loopback check of the inbox. */
  clientAddress?: string;
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
  const intake = createIntake(options);
  const inbox = createInbox(options);

  return async function handle(request: Request, info: ConnectionInfo = {}): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return json({ error: 'bad_request' }, 400);
    }
    try {
      if (url.pathname === '/feedback') return await intake(request, url, info.clientAddress);
      if (isInboxPath(url.pathname)) return await inbox(request, url, info.clientAddress);
      if (url.pathname === '/health') return json({ ok: true }, 200);
      return json({ error: 'not_found' }, 404);
    } catch (error) {
      // Only storage can fail here, never input: 503 tells clients to retry later, and nothing is lost.
      console.error('hearken-collector:', error);
      return json({ error: 'unavailable' }, 503, { 'retry-after': '5' });
    }
  };
}
