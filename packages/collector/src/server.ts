import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createCollector, type HandlerOptions } from './handler.js';
import { BodyTooLargeError, type IntakeRequest } from './intake/intake-request.js';
import type { Answer } from './json-response.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends HandlerOptions {
  /** @default 8787 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish, then closes the storage. */
  close(): Promise<void>;
}

/** Bodies up to this size (by `Content-Length`) are read before the handler runs: cheaper than a web stream for every post. */
const BUFFERED_BODY_BYTES = 64 * 1024;

/** The length of a body small enough to read before answering: by `Content-Length`, `0` without one (and no `Transfer-Encoding`); else `undefined`. */
function smallBodyLength(req: IncomingMessage): number | undefined {
  const declared = req.headers['content-length'];
  if (declared === undefined) return req.headers['transfer-encoding'] === undefined ? 0 : undefined;
  const length = Number(declared);
  return Number.isSafeInteger(length) && length <= BUFFERED_BODY_BYTES ? length : undefined;
}

/** The request's body, read whole; `undefined` when the client went away before all `Content-Length` bytes came. */
function readSmallBody(req: IncomingMessage, length: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  return new Promise((resolve, reject) => {
    const body = new Uint8Array(length);
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size + chunk.length <= length) body.set(chunk, size);
      size += chunk.length;
    });
    req.once('end', () => resolve(size === length ? body : undefined));
    // A client that goes away before the end: no request to answer.
    req.once('close', () => resolve(undefined));
    req.once('error', reject);
  });
}

/**
 * The intake's view of a Node request whose body is `length` bytes (at most {@link BUFFERED_BODY_BYTES}):
 * headers read from `rawHeaders` as `Headers.get` would give them, the body read when asked for.
 */
function toIntakeRequest(req: IncomingMessage, length: number): IntakeRequest {
  return {
    method: req.method ?? 'GET',
    header(name) {
      const raw = req.rawHeaders;
      const wanted = name.toLowerCase();
      let value: string | null = null;
      for (let i = 0; i < raw.length; i += 2) {
        if (raw[i]!.length === wanted.length && raw[i]!.toLowerCase() === wanted) value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
      }
      return value;
    },
    async bytes(limit) {
      if (length > limit) throw new BodyTooLargeError();
      if (length === 0) return new Uint8Array(0);
      const body = await readSmallBody(req, length);
      if (body === undefined) throw new Error('body shorter or longer than its Content-Length');
      return body;
    },
  };
}

/** Writes an answer as it is: no `Response` in between. */
function writeAnswer({ status, headers, body }: Answer, res: ServerResponse): void {
  if (body === null) return void res.writeHead(status, headers).end();
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body);
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headersDistinct)) for (const item of value ?? []) headers.append(name, item);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const length = hasBody ? smallBodyLength(req) : undefined;
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers };
  if (length !== undefined) {
    // Small and announced: read here. Anything else streams, and the handler counts it while reading.
    const body = await readSmallBody(req, length);
    if (body === undefined) throw new Error('body shorter or longer than its Content-Length');
    init.body = body;
  } else if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', origin), init);
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value;
  });
  res.writeHead(response.status, headers);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/** Runs the collector on Node's HTTP server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { handle, intake } = createCollector(options);
  const host = options.host ?? '127.0.0.1';
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    // The Host header names the site the browser meant (the inbox refuses names it does not serve); one that is no host name is refused here.
    if (req.headers.host !== undefined && !/^[\w.:[\]-]+$/.test(req.headers.host)) return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Host header\n');
    const origin = `http://${req.headers.host || (host.includes(':') ? `[${host}]` : host)}`;
    const info = { clientAddress: req.socket.remoteAddress };
    // Posts of feedback, the bulk of the traffic, go to the intake without a Fetch `Request` and `Response`.
    const length = req.url === '/feedback' || req.url?.startsWith('/feedback?') ? smallBodyLength(req) : undefined;
    const task = (async () => {
      try {
        if (length !== undefined) writeAnswer(await intake(toIntakeRequest(req, length), new URL(origin).origin, info), res);
        else await send(await handle(await toRequest(req, origin), info), res);
      } catch {
        if (!res.headersSent) res.writeHead(400).end();
        else res.destroy();
      }
    })().finally(() => inFlight.delete(task));
    inFlight.add(task);
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.all(inFlight);
        server.closeAllConnections();
        await stopped;
        await options.storage.close();
      })()),
  };
}
