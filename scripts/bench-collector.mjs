// `npm run bench:collector`: valid posts for about ten seconds against the Node server with SQLite
// (in a child process, so load and server do not share an event loop); prints requests/s and latency.
// Target on a 2-core machine: ≥ 3,000 req/s with p99 < 25 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const db = join(mkdtempSync(join(tmpdir(), 'hearken-bench-')), 'feedback.db');
const server = spawn(process.execPath, ['packages/collector/dist/bin.js', '--port', '0', '--db', db, '--rate-limit', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
  server.once('exit', () => reject(new Error(`collector exited: ${out}`)));
});

const body = (id) =>
  JSON.stringify({
    id,
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    audience: 'internal',
    category: 'equipment',
    urgency: 'high',
    message: 'The printer on floor 3 has been broken for a week. It shows error E-42 and nobody has come.',
    anonymous: false,
    user: { id: 'e1042', name: 'Jane Doe', department: 'Sales' },
    context: { url: 'https://intranet.example/it', title: 'IT & facilities', locale: 'en-GB', viewport: { width: 1280, height: 720 }, timeZone: 'Europe/Berlin' },
  });

const result = await autocannon({
  url: `${url}/feedback`,
  connections: 20,
  duration: seconds,
  requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: body(crypto.randomUUID()) }) }],
});
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
rmSync(join(db, '..'), { recursive: true, force: true });

const non2xx = result.non2xx + result.errors + result.timeouts;
console.log(`collector: ${seconds}s, 20 connections, SQLite WAL (${db})`);
console.log(`  requests/s  ${Math.round(result.requests.average)}   (total ${result.requests.total}, non-2xx/errors ${non2xx})`);
console.log(`  latency     p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`);
console.log(`  target      ≥ 3000 req/s, p99 < 25 ms: ${result.requests.average >= 3000 && result.latency.p99 < 25 ? 'met' : 'NOT met'}`);
