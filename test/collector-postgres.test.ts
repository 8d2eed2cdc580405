// Several collector processes on one PostgreSQL behave as one: nothing acknowledged is lost or doubled,
// also when an instance is killed or the database goes away for a while.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectorProcess, type CollectorProcess } from './support/collector-process.js';
import { startTestPostgres, type TestPostgres } from './support/postgres.mjs';

let cluster: TestPostgres;
const running: CollectorProcess[] = [];
beforeAll(async () => {
  cluster = await startTestPostgres();
});
afterAll(async () => {
  for (const collector of running) collector.child.kill('SIGKILL');
  await cluster?.remove();
});

async function collectors(count: number, url: string, args: string[] = []) {
  const started = await Promise.all(Array.from({ length: count }, () => startCollectorProcess(['--db', url, '--rate-limit', '0', ...args])));
  running.push(...started);
  return started;
}

const feedback = (id: string, fields: object = {}) => ({
  id,
  schemaVersion: 1,
  createdAt: new Date().toISOString(),
  audience: 'internal',
  category: 'equipment',
  message: `Printer ${id} is broken`,
  anonymous: false,
  ...fields,
});

const post = async (base: string, body: object) => {
  try {
    const response = await fetch(`${base}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  } catch {
    return { status: 0, retryAfter: null };
  }
};

const listIds = async (base: string) => {
  const { items } = (await (await fetch(`${base}/inbox.json?limit=10000`)).json()) as { items: { feedback: { id: string } }[] };
  return items.map((item) => item.feedback.id);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('collector instances on one PostgreSQL', () => {
  it('refuses to start with one clear line when the database cannot be opened', async () => {
    const child = spawn(process.execPath, ['packages/collector/dist/bin.js', '--port', '0', '--db', 'postgres://hearken:hunter2@127.0.0.1:1/hearken'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^hearken-collector: cannot open the database postgres:\/\/hearken:\*\*\*@127\.0\.0\.1:1\/hearken: .*ECONNREFUSED/);
  });

  it('act as one: what one stores the other lists, copies sent to both are stored once, statuses are shared', async () => {
    const [a, b] = await collectors(2, await cluster.createDatabase());
    const ids = Array.from({ length: 50 }, () => crypto.randomUUID());
    const answers = await Promise.all(ids.map(async (id) => [await post(a!.url, feedback(id)), await post(b!.url, feedback(id))]));
    const raced = await Promise.all(ids.map((id) => Promise.all([post(a!.url, feedback(`${id.slice(0, -4)}beef`)), post(b!.url, feedback(`${id.slice(0, -4)}beef`))])));
    for (const pair of [...answers, ...raced]) expect(pair.map((r) => r.status).sort()).toEqual([200, 201]);
    expect((await listIds(b!.url)).length).toBe(100);

    const form = new URLSearchParams({ id: ids[0]!, status: 'resolved' });
    expect((await fetch(`${a!.url}/inbox/status`, { method: 'POST', body: form, redirect: 'manual' })).status).toBe(303);
    const { items } = (await (await fetch(`${b!.url}/inbox.json?status=resolved`)).json()) as { items: { feedback: { id: string } }[] };
    expect(items.map((item) => item.feedback.id)).toEqual([ids[0]]);
    expect((await fetch(`${b!.url}/health`)).status).toBe(200);
  });

  it('lose nothing acknowledged and double nothing when one instance is killed with SIGKILL under load', async () => {
    const [a, b] = await collectors(2, await cluster.createDatabase());
    const acknowledged = new Set<string>();
    let sent = 0;
    const worker = async (n: number) => {
      for (let i = 0; i < 100; i++) {
        const id = crypto.randomUUID();
        // Every fifth id goes to both instances at once, as a client's retry after a lost answer might.
        const targets = i % 5 === 0 ? [a!, b!] : [[a!, b!][(i + n) % 2]!];
        const results = await Promise.all(targets.map((target) => post(target.url, feedback(id))));
        sent += targets.length;
        if (results.some((r) => r.status === 200 || r.status === 201)) acknowledged.add(id);
        if (n === 0 && i === 50) a!.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
    expect(sent).toBeGreaterThan(950);
    const listed = await listIds(b!.url);
    expect(new Set(listed).size).toBe(listed.length);
    const missing = [...acknowledged].filter((id) => !listed.includes(id));
    expect(missing).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(600);
  }, 90_000);

  it('deliver each webhook forward exactly once, although the instance that claimed it first was killed', async () => {
    let failing = true;
    const accepted = new Map<string, number>();
    let requests = 0;
    // Fails (slowly) until the first instance is dead, then accepts.
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        requests++;
        if (failing) return void setTimeout(() => response.writeHead(503).end(), 300);
        const text = (JSON.parse(body) as { text: string }).text;
        accepted.set(text, (accepted.get(text) ?? 0) + 1);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const [a, b] = await collectors(2, await cluster.createDatabase(), ['--webhook', hook, '--webhook-lease', '1']);

    const ids = Array.from({ length: 20 }, () => crypto.randomUUID());
    for (const id of ids) expect((await post(a!.url, feedback(id, { urgency: 'high' }))).status).toBe(201);
    await sleep(150);
    a!.child.kill('SIGKILL');
    const attemptsBeforeKill = requests;
    await sleep(500);
    failing = false;
    const deadline = Date.now() + 20_000;
    while (accepted.size < ids.length && Date.now() < deadline) await sleep(100);
    await sleep(1500);
    expect(attemptsBeforeKill).toBeGreaterThan(0);
    expect(accepted.size).toBe(ids.length);
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
    await b!.stop();
    receiver.close();
  }, 60_000);

  it('answer 503 with Retry-After while PostgreSQL is stopped, and recover by themselves when it is back', async () => {
    const [a] = await collectors(1, await cluster.createDatabase());
    const acknowledged: string[] = [];
    const answers: { status: number; retryAfter: string | null }[] = [];
    let stopLoad = false;
    const load = (async () => {
      while (!stopLoad) {
        const id = crypto.randomUUID();
        const result = await post(a!.url, feedback(id));
        answers.push(result);
        if (result.status === 201) acknowledged.push(id);
        await sleep(5);
      }
    })();
    await sleep(500);
    await cluster.stop();
    await sleep(1000);
    const health = await fetch(`${a!.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: 'unreachable' });
    await sleep(1500);
    await cluster.start();
    const downAnswers = answers.length;
    const deadline = Date.now() + 15_000;
    while (answers.slice(downAnswers).filter((r) => r.status === 201).length < 20 && Date.now() < deadline) await sleep(100);
    stopLoad = true;
    await load;

    const unavailable = answers.filter((r) => r.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((r) => r.retryAfter === '5')).toBe(true);
    expect(answers.every((r) => r.status === 201 || r.status === 503)).toBe(true);
    expect(answers.slice(downAnswers).filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(20);
    expect((await fetch(`${a!.url}/health`)).status).toBe(200);
    const listed = new Set(await listIds(a!.url));
    expect(acknowledged.filter((id) => !listed.has(id))).toEqual([]);
  });
});
