import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readConfig } from './cli.js';
import { feedback, post, rawRequest } from './collector.fixture.js';

describe('hearken-collector CLI', () => {
  it('reads flags, and environment variables as their twins', () => {
    const fromFlags = readConfig(['--port', '9000', '--allow-origin', 'http://localhost:8080', '--allow-origin', 'https://a.example,https://b.example', '--admin-token', 'S', '--rate-limit', '0'], {});
    expect(fromFlags).toMatchObject({ port: 9000, allowOrigins: ['http://localhost:8080', 'https://a.example', 'https://b.example'], adminToken: 'S', rateLimit: 0 });
    const fromEnv = readConfig([], { HEARKEN_PORT: '9001', HEARKEN_DB: '/tmp/x.db', HEARKEN_ALLOW_ORIGIN: 'http://localhost:8080', HEARKEN_ADMIN_TOKEN: 'T', HEARKEN_HOST: '0.0.0.0', HEARKEN_RATE_LIMIT: '5' });
    expect(fromEnv).toMatchObject({ port: 9001, db: '/tmp/x.db', allowOrigins: ['http://localhost:8080'], adminToken: 'T', host: '0.0.0.0', rateLimit: 5 });
    expect(readConfig(['--port', '1'], { HEARKEN_PORT: '2' }).port).toBe(1);
  });

  it('reads --trust-proxy and --public-url, and their environment twins', () => {
    expect(readConfig([], {})).toMatchObject({ trustProxy: 0, publicUrl: undefined });
    expect(readConfig(['--trust-proxy', '2', '--public-url', 'https://feedback.example.com'], {})).toMatchObject({ trustProxy: 2, publicUrl: 'https://feedback.example.com' });
    expect(readConfig([], { HEARKEN_TRUST_PROXY: '1', HEARKEN_PUBLIC_URL: 'https://f.example' })).toMatchObject({ trustProxy: 1, publicUrl: 'https://f.example' });
  });

  it('reads --sla over the defaults, and the mail flags', () => {
    expect(readConfig([], {}).answerTargets).toEqual({ high: 3600_000, normal: 2 * 86_400_000, low: 5 * 86_400_000 });
    expect(readConfig(['--sla', 'high=2s, low=90m'], {}).answerTargets).toEqual({ high: 2000, normal: 2 * 86_400_000, low: 90 * 60_000 });
    expect(readConfig([], { HEARKEN_SLA: 'normal=1d' }).answerTargets.normal).toBe(86_400_000);
    const mail = readConfig([], { HEARKEN_SMTP_URL: 'smtp://u:p@127.0.0.1:2525', HEARKEN_MAIL_FROM: 'support@example.com', HEARKEN_MAIL_REPLY_TO: 'help@example.com' });
    expect(mail).toMatchObject({ smtp: 'smtp://u:p@127.0.0.1:2525', mailFrom: 'support@example.com', mailReplyTo: 'help@example.com' });
  });

  it('reads team tokens and retention, from flags or their environment twins, and says what is wrong with them', () => {
    const config = readConfig(['--admin-token', 'root', '--team-token', 'alice:a-secret', '--team-token', 'bob.it:b:colon', '--retention', '365d', '--retention-personal', '30d'], {});
    expect(config.teamTokens).toEqual({ alice: 'a-secret', 'bob.it': 'b:colon' });
    expect(config.retention).toEqual({ items: 365 * 86_400_000, personal: 30 * 86_400_000 });
    expect(readConfig([], { HEARKEN_TEAM_TOKENS: 'alice:x, bob:y', HEARKEN_RETENTION: '12h' })).toMatchObject({ teamTokens: { alice: 'x', bob: 'y' }, retention: { items: 43_200_000 } });
    expect(readConfig([], {}).retention).toEqual({});
    expect(() => readConfig(['--team-token', 'just-a-secret'], {})).toThrow('--team-token takes NAME:TOKEN');
    expect(() => readConfig(['--team-token', 'alice:'], {})).toThrow('--team-token takes NAME:TOKEN');
    expect(() => readConfig(['--team-token', 'al ice:x'], {})).toThrow('not "al ice:…"');
    expect(() => readConfig(['--team-token', 'a:x', '--team-token', 'a:y'], {})).toThrow('the name "a" is given twice');
    expect(() => readConfig(['--team-token', 'admin:x'], {})).toThrow("it is the --admin-token's");
    expect(() => readConfig(['--team-token', 'retention:x'], {})).toThrow('"retention" is a name the collector uses itself');
    expect(() => readConfig(['--team-token', 'bob@example.com:x'], {})).toThrow('--team-token takes NAME:TOKEN');
    // An empty token (an unset variable passed on) is no token, as before.
    expect(readConfig([], { HEARKEN_ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
    expect(() => readConfig(['--retention', 'forever'], {})).toThrow('--retention takes a time such as 365d');
    // A webhook that is no http(s) URL would fail every forward for 48 h: refused at start instead.
    expect(() => readConfig(['--webhook', 'notaurl'], {})).toThrow('--webhook takes the http(s) URL');
    expect(() => readConfig([], { HEARKEN_WEBHOOK_URL: 'ftp://x.example/' })).toThrow('got "ftp://x.example/"');
    expect(readConfig(['--webhook', 'https://chat.example.com/hooks/T01'], {}).webhook).toBe('https://chat.example.com/hooks/T01');
  });

  it('exits with a message and a non-zero code for a bad --sla, before listening', async () => {
    const child = spawn(process.execPath, ['packages/collector/dist/bin.js', '--port', '0', '--sla', 'high=soon'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('--sla takes levels and times such as high=1h,normal=2d,low=5d: "high=soon"');
  });

  it('with --sla high=2s, lists an unanswered urgent internal report as overdue after 2 s, until a team reply', async () => {
    const { child, url, db } = await startCli(['--sla', 'high=2s']);
    try {
      const urgent = feedback({ audience: 'internal', category: 'equipment', urgency: 'high', message: 'Printer on floor 3 is on fire', user: { department: 'Facilities' } });
      await post(`${url}/feedback`, urgent);
      await post(`${url}/feedback`, feedback({ message: 'Love the new look' }));
      const overdue = async () => ((await (await fetch(`${url}/inbox.json?overdue=true`)).json()).items as { feedback: { id: string } }[]).map((i) => i.feedback.id);
      expect(await overdue()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(await overdue()).toEqual([urgent.id]);
      const stats = await (await fetch(`${url}/inbox/stats.json`)).json();
      expect(stats.internal).toMatchObject({ total: 1, unanswered: 1, overdue: 1, medianFirstReplyMinutes: null });
      expect(stats.external).toMatchObject({ total: 1, unanswered: 1, overdue: 0 });
      expect(stats.departments.Facilities.overdue).toBe(1);
      const replied = await fetch(`${url}/inbox/${urgent.id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Facilities are on their way' }) });
      expect(replied.status).toBe(201);
      expect(await overdue()).toEqual([]);
      expect((await (await fetch(`${url}/inbox/stats.json`)).json()).internal).toMatchObject({ unanswered: 0, overdue: 0 });
    } finally {
      await stopCli(child, db);
    }
  });

  it('lists every flag with its environment twin in --help', async () => {
    const help = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['packages/collector/dist/bin.js', '--help'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.once('exit', () => resolve(output));
    });
    for (const [flag, env] of Object.entries(FLAG_ENV)) expect(help).toMatch(new RegExp(`--${flag}\\b[^\\n]*${env}\\b`));
  });

  it.each([
    [['--trust-proxy', 'two'], /--trust-proxy takes a whole number/],
    [['--public-url', 'feedback.example.com'], /--public-url takes the address people use/],
    [['--port', 'abc'], /--port takes a whole number/],
    [['--allow-origin', 'localhost:8080/path'], /--allow-origin takes an origin/],
    [['--spam', 'keep'], /--spam takes store or drop/],
    [['--bogus'], /Unknown option/],
    [['--sla', 'high=fast'], /--sla takes levels and times such as high=1h,normal=2d,low=5d: "high=fast": the time is a whole number with s, m, h or d/],
    [['--sla', 'urgent=1h'], /--sla .*"urgent=1h": the level is high, normal or low/],
    [['--sla', 'high=0s'], /--sla .*"high=0s"/],
    [['--admin-token', 'same-secret-1', '--team-token', 'alice:same-secret-1'], /--team-token: "admin" and "alice" share a token: each needs one of their own/],
    [['--team-token', 'alice:shared-secret', '--team-token', 'bob:shared-secret'], /--team-token: "alice" and "bob" share a token/],
    [['--smtp', 'mail.example.com'], /--smtp takes a server such as smtp:\/\/mail\.example\.com:587/],
    [['--smtp', 'smtp://127.0.0.1:25'], /--smtp needs --mail-from/],
    [['--mail-from', 'a@example.com'], /--mail-from and --mail-reply-to need --smtp/],
    [['--routes', '/nonexistent/routes.json'], /\/nonexistent\/routes\.json: cannot read the routes file \(ENOENT\)/],
  ])('says clearly what is wrong with %j', (argv, message) => {
    expect(() => readConfig(argv, {})).toThrow(message);
  });

  it('serves, and on SIGTERM finishes and closes the database', async () => {
    const { child, url, db } = await startCli([]);
    const id = crypto.randomUUID();
    const response = await fetch(`${url}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, schemaVersion: 1, createdAt: new Date().toISOString(), audience: 'internal', category: 'equipment', message: 'Projector in room 2 is dead', anonymous: false }),
    });
    expect(response.status).toBe(201);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const database = new Database(db, { readonly: true });
    expect(database.prepare('SELECT id FROM feedback').all()).toEqual([{ id }]);
    database.close();
    rmSync(join(db, '..'), { recursive: true, force: true });
  });

  it('with HEARKEN_PUBLIC_URL, reads the inbox at that name and loopback names, refuses a forged Host, and takes posts at any name', async () => {
    const { child, url, port, db } = await startCli([], { HEARKEN_PUBLIC_URL: 'https://feedback.example.com' });
    try {
      expect((await rawRequest(`${url}/inbox.json`, { headers: { host: 'feedback.example.com' } })).status).toBe(200);
      expect((await rawRequest(`${url}/inbox.json`, { headers: { host: `localhost:${port}` } })).status).toBe(200);
      const forged = await rawRequest(`${url}/inbox.json`, { headers: { host: `attacker.example:${port}` } });
      expect(forged.status).toBe(421);
      expect(forged.body).toContain('--public-url');
      const posted = await rawRequest(`${url}/feedback`, { method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/json' }, body: JSON.stringify(feedback()) });
      expect(posted.status).toBe(201);
    } finally {
      await stopCli(child, db);
    }
  });

  it('with --trust-proxy 1, gives each forwarded client its own rate-limit bucket', async () => {
    const { child, url, db } = await startCli(['--trust-proxy', '1', '--rate-limit', '2']);
    try {
      const postAs = (forwardedFor: string) => post(`${url}/feedback`, feedback(), { 'x-forwarded-for': forwardedFor }).then((r) => r.status);
      expect([await postAs('198.51.100.1'), await postAs('198.51.100.1'), await postAs('198.51.100.1')]).toEqual([201, 201, 429]);
      expect(await postAs('198.51.100.2')).toBe(201);
      // A malformed header counts as the proxy itself: one shared bucket, not a fresh one per made-up value.
      expect([await postAs('not-an-address'), await postAs('also-not'), await postAs('nope')]).toEqual([201, 201, 429]);
    } finally {
      await stopCli(child, db);
    }
  });
});

/** Each flag and the environment variable that is its twin. */
const FLAG_ENV = {
  port: 'HEARKEN_PORT',
  host: 'HEARKEN_HOST',
  db: 'HEARKEN_DB',
  'allow-origin': 'HEARKEN_ALLOW_ORIGIN',
  'admin-token': 'HEARKEN_ADMIN_TOKEN',
  'rate-limit': 'HEARKEN_RATE_LIMIT',
  'trust-proxy': 'HEARKEN_TRUST_PROXY',
  'public-url': 'HEARKEN_PUBLIC_URL',
  spam: 'HEARKEN_SPAM',
  'identity-secret': 'HEARKEN_IDENTITY_SECRET',
  webhook: 'HEARKEN_WEBHOOK_URL',
  'webhook-lease': 'HEARKEN_WEBHOOK_LEASE',
  sla: 'HEARKEN_SLA',
  routes: 'HEARKEN_ROUTES',
  smtp: 'HEARKEN_SMTP_URL',
  'mail-from': 'HEARKEN_MAIL_FROM',
  'mail-reply-to': 'HEARKEN_MAIL_REPLY_TO',
};

/** Starts the built CLI on a free port with a fresh database; resolves when it listens. */
async function startCli(args: string[], env: Record<string, string> = {}) {
  const db = join(mkdtempSync(join(tmpdir(), 'hearken-cli-')), 'feedback.db');
  const child = spawn(process.execPath, ['packages/collector/dist/bin.js', '--port', '0', '--db', db, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(output)));
  });
  return { child, url, port: new URL(url).port, db };
}

async function stopCli(child: ChildProcess, db: string) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  rmSync(join(db, '..'), { recursive: true, force: true });
}
