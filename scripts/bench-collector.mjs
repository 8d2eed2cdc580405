// `npm run bench:collector`: valid posts for some seconds (BENCH_SECONDS, default 10) against, in one run:
// a bare node:http server answering 201 (the ceiling of this machine), the collector on SQLite, and the
// collector on PostgreSQL with one and with two instances (a throwaway cluster, as in the tests).
// Collectors run as child processes, so load and server do not share an event loop.
// Targets: SQLite ≥ 50 % of bare node:http; PostgreSQL ×2 ≥ SQLite ×1; p99 < 50 ms everywhere. Exit 1 when one is missed.
// On Linux each row also shows the CPU time per request of the servers, of PostgreSQL and of the load
// generator: figures that depend less than requests/s on what else the machine is doing.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startTestPostgres } from '../test/support/postgres.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  } catch {
    return 100;
  }
})();
/** `/proc/{pid}/stat` after the command name: state, parent, … (Linux); `undefined` where there is none. */
function procStat(pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ');
  } catch {
    return undefined;
  }
}
/** CPU seconds (user + system) the processes `pids` have used so far; `NaN` where /proc is missing. */
function cpuSeconds(pids) {
  let sum = 0;
  for (const pid of pids) {
    const stat = procStat(pid);
    if (!stat) return NaN;
    sum += (Number(stat[11]) + Number(stat[12])) / ticksPerSecond;
  }
  return sum;
}
/** The PostgreSQL server's processes: the postmaster (named in its data folder) and its children; none without /proc. */
async function postgresProcesses(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client(url);
  await client.connect();
  const { rows } = await client.query("SELECT setting FROM pg_settings WHERE name = 'data_directory'");
  await client.end();
  const postmaster = readFileSync(join(rows[0].setting, 'postmaster.pid'), 'utf8').split('\n')[0];
  if (!procStat(postmaster)) return () => [];
  return () => [postmaster, ...readdirSync('/proc').filter((name) => /^\d+$/.test(name) && procStat(name)?.[1] === postmaster)];
}

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
  return url.then((u) => ({ url: u, pid: child.pid, stop }));
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

/** Load on `count` servers made by `start`; with `database`, a function listing the database's processes, whose CPU time is counted too. */
async function measure(name, start, count = 1, database = () => []) {
  const servers = await Promise.all(Array.from({ length: count }, start));
  try {
    const pids = servers.map((s) => s.pid);
    const before = { servers: cpuSeconds(pids), database: cpuSeconds(database()), load: process.cpuUsage() };
    const result = await load(servers.map((s) => s.url));
    const requests = result.rps * seconds;
    // Processes of the database that ended during the load are not counted: the collectors keep their connections open.
    const perRequest = (cpu) => Math.round((cpu * 1e6) / requests);
    const loadCpu = process.cpuUsage(before.load);
    const cpu = {
      servers: perRequest(cpuSeconds(pids) - before.servers),
      database: perRequest(cpuSeconds(database()) - before.database),
      load: perRequest((loadCpu.user + loadCpu.system) / 1e6),
    };
    return { name, ...result, cpu };
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
  const single = await cluster.createDatabase();
  const postgres = await postgresProcesses(single);
  results.push(await measure('PostgreSQL ×1', () => collector(single), 1, postgres));
  const shared = await cluster.createDatabase();
  results.push(await measure('PostgreSQL ×2', () => collector(shared), 2, postgres));
} finally {
  await cluster.remove();
}

const [bare, sqlite, , pg2] = results;
console.log(`collector benchmark: ${seconds}s per row, ${connections} connections in all, valid posts; a 2-core machine shared with other work gives noisy figures`);
for (const r of results) {
  const cpu = Number.isNaN(r.cpu.servers) ? '' : `   CPU µs/request: server ${r.cpu.servers}${r.cpu.database ? `, PostgreSQL ${r.cpu.database}` : ''}, load generator ${r.cpu.load}`;
  console.log(`  ${r.name.padEnd(22)} ${String(Math.round(r.rps)).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   non-2xx/errors ${r.failed}${cpu}`);
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
