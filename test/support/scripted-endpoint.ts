import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Milliseconds to wait before answering. */
  delay?: number;
}

/**
 * A real HTTP server on loopback that answers with scripted replies, one per request in order
 * (then 200), and records every request. Each 2xx records the feedback id as "stored", once.
 */
export async function startScriptedEndpoint(replies: ScriptedReply[] = []) {
  const received: ReceivedRequest[] = [];
  const stored = new Map<string, unknown>();
  const queue = [...replies];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const reply = request.method === 'OPTIONS' ? { status: 204 } : (queue.shift() ?? { status: 200 });
      response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
      response.setHeader('access-control-allow-headers', 'content-type, authorization');
      if (request.headers.origin) response.setHeader('access-control-allow-credentials', 'true');
      if (request.method !== 'OPTIONS') received.push({ method: request.method!, path: request.url!, headers: request.headers, body });
      setTimeout(() => {
        if (reply.status >= 200 && reply.status < 300 && body) {
          const id = (JSON.parse(body) as { id: string }).id;
          if (!stored.has(id)) stored.set(id, JSON.parse(body));
        }
        response.writeHead(reply.status, reply.headers ?? {});
        response.end(reply.body ?? '');
      }, reply.delay ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feedback`,
    port,
    received,
    stored,
    /** Appends replies to the script. */
    reply: (...more: ScriptedReply[]) => queue.push(...more),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
