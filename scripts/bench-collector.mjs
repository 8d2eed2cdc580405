// `npm run bench:collector`: valid posts for some seconds (BENCH_SECONDS, default 10) against, in one run:
// a bare node:http server answering 201 (the ceiling of this machine), the collector on SQLite, and the
// collector on PostgreSQL with one and with two instances (a throwaway cluster, as in the tests).
// Collectors run as child processes, so load and server do not share an event loop.
// Targets: SQLite ≥ 50 % of bare node:http; PostgreSQL ×2 ≥ SQLite ×1; p99 < 50 ms everywhere. Exit 1 when one is missed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startTestPostgres } from '../test/support/postgres.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;

function startProcess(args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`process exited: ${out}`)));
  });
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return url.then((u) => ({ url: u, stop }));
}

const collector = (db) => startProcess(['packages/collector/dist/bin.js', '--port', '0', '--db', db, '--rate-limit', '0']);
const bareServer = () =>
  startProcess([
    '--input-type=module',
    '-e',
    `import { createServer } from 'node:http';
     const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(201, { 'content-type': 'application/json' }); res.end('{"status":"stored"}'); }); });
     server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
     process.on('SIGTERM', () => process.exit(0));`,
  ]);

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

/** Load spread evenly over `urls` (each its own autocannon with a share of the connections); summed requests/s, worst p99. */
async function load(urls) {
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/feedback`,
        connections: Math.round(connections / urls.length),
        duration: seconds,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: body(crypto.randomUUID()) }) }],
      }),
    ),
  );
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  };
}

async function measure(name, start, count = 1) {
  const servers = await Promise.all(Array.from({ length: count }, start));
  try {
    return { name, ...(await load(servers.map((s) => s.url))) };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const results = [];
results.push(await measure('bare node:http (201)', bareServer));
const sqliteDir = mkdtempSync(join(tmpdir(), 'hearken-bench-'));
try {
  results.push(await measure('SQLite ×1', () => collector(join(sqliteDir, 'feedback.db'))));
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}
// PostgreSQL with its default durability (fsync, synchronous commit), as a production server runs.
const cluster = await startTestPostgres({ durable: true });
try {
  results.push(await measure('PostgreSQL ×1', async () => collector(await cluster.createDatabase())));
  const shared = await cluster.createDatabase();
  results.push(await measure('PostgreSQL ×2', () => collector(shared), 2));
} finally {
  await cluster.remove();
}

const [bare, sqlite, , pg2] = results;
console.log(`collector benchmark: ${seconds}s per row, ${connections} connections in all, valid posts; a 2-core machine shared with other work gives noisy figures`);
for (const r of results) {
  console.log(`  ${r.name.padEnd(22)} ${String(Math.round(r.rps)).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   non-2xx/errors ${r.failed}`);
}
const share = sqlite.rps / bare.rps;
const targets = [
  [`SQLite ≥ 50 % of bare node:http (${Math.round(share * 100)} %)`, share >= 0.5],
  [`PostgreSQL ×2 ≥ SQLite ×1 (${Math.round(pg2.rps)} vs ${Math.round(sqlite.rps)} req/s)`, pg2.rps >= sqlite.rps],
  ['p99 < 50 ms for every collector row', results.slice(1).every((r) => r.p99 < 50)],
  ['no non-2xx answers or errors', results.every((r) => r.failed === 0)],
];
for (const [name, met] of targets) console.log(`  target ${met ? 'met    ' : 'NOT met'} ${name}`);
if (targets.some(([, met]) => !met)) process.exitCode = 1;
