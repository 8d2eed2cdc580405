import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readConfig } from './cli.js';

describe('hearken-collector CLI', () => {
  it('reads flags, and environment variables as their twins', () => {
    const fromFlags = readConfig(['--port', '9000', '--allow-origin', 'http://localhost:8080', '--allow-origin', 'https://a.example,https://b.example', '--admin-token', 'S', '--rate-limit', '0'], {});
    expect(fromFlags).toMatchObject({ port: 9000, allowOrigins: ['http://localhost:8080', 'https://a.example', 'https://b.example'], adminToken: 'S', rateLimit: 0 });
    const fromEnv = readConfig([], { HEARKEN_PORT: '9001', HEARKEN_DB: '/tmp/x.db', HEARKEN_ALLOW_ORIGIN: 'http://localhost:8080', HEARKEN_ADMIN_TOKEN: 'T', HEARKEN_HOST: '0.0.0.0', HEARKEN_RATE_LIMIT: '5' });
    expect(fromEnv).toMatchObject({ port: 9001, db: '/tmp/x.db', allowOrigins: ['http://localhost:8080'], adminToken: 'T', host: '0.0.0.0', rateLimit: 5 });
    expect(readConfig(['--port', '1'], { HEARKEN_PORT: '2' }).port).toBe(1);
  });

  it.each([
    [['--port', 'abc'], /--port takes a whole number/],
    [['--allow-origin', 'localhost:8080/path'], /--allow-origin takes an origin/],
    [['--spam', 'keep'], /--spam takes store or drop/],
    [['--bogus'], /Unknown option/],
  ])('says clearly what is wrong with %j', (argv, message) => {
    expect(() => readConfig(argv, {})).toThrow(message);
  });

  it('serves, and on SIGTERM finishes and closes the database', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hearken-cli-')), 'feedback.db');
    const child = spawn(process.execPath, ['packages/collector/dist/bin.js', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/[^\s]+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(output)));
    });
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
});
