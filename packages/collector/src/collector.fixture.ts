import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feedback } from '@hearken/client/schema';
import { createSqliteStorage, startServer, type RunningServer, type ServerOptions } from './index.js';

// Real collectors on free ports with SQLite in a temporary folder, for the collector's HTTP tests.

const servers: RunningServer[] = [];
const folders: string[] = [];

/** Closes every collector started by {@link collector} and removes its folder; call in `afterEach`. */
export async function closeCollectors(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Starts a collector (rate limit off unless given) on a free port. */
export async function collector(options: Partial<ServerOptions> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'hearken-collector-'));
  folders.push(folder);
  const db = join(folder, 'feedback.db');
  const server = await startServer({ port: 0, storage: createSqliteStorage(db), rateLimit: 0, ...options });
  servers.push(server);
  return { ...server, db, intake: `${server.url}/feedback` };
}

/** Registers a server started elsewhere for {@link closeCollectors}. */
export const track = (server: RunningServer) => void servers.push(server);

let n = 0;
/** A valid feedback; each one created a second after the one before. */
export const feedback = (fields: Partial<Feedback> = {}): Feedback => ({
  id: crypto.randomUUID(),
  schemaVersion: 1,
  createdAt: new Date(Date.UTC(2026, 10, 26, 10, 0, n++)).toISOString(),
  audience: 'external',
  category: 'idea',
  message: 'More dark mode please',
  anonymous: false,
  ...fields,
});

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

export const readInbox = async (url: string, token?: string, query = '') =>
  (await (await fetch(`${url}/inbox.json${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json()).items as { feedback: Feedback; receivedAt: string; spam: boolean; identity?: string; status: string }[];

/**
 * A request with headers `fetch` will not send as given, such as a forged `Host` (the name a
 * DNS-rebinding page would carry).
 */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
