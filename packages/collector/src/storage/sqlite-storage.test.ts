import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from './sqlite-storage.js';
import { describeStorageContract, storedFeedback } from './storage-contract.fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'hearken-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const newFile = () => join(folder, `${crypto.randomUUID()}.db`);

describeStorageContract('SQLite', async () => {
  const path = newFile();
  return { storage: createSqliteStorage(path), openAgain: async () => createSqliteStorage(path) };
});

describe('SQLite migrations', () => {
  it('lets several processes open one new file at the same moment, none failing', async () => {
    const path = newFile();
    const script = `import { createSqliteStorage } from './packages/collector/dist/storage/sqlite-storage.js';
      const storage = createSqliteStorage(${JSON.stringify(path)}); await storage.list(); await storage.close();`;
    const runs = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      return new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
    });
    const results = await Promise.all(runs);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
    const database = new Database(path, { readonly: true });
    expect(database.pragma('user_version', { simple: true })).toBe(4);
    database.close();
  });

  it('opens a database of the first release with every item and status intact', async () => {
    const path = newFile();
    const record = storedFeedback({}, { status: 'read' });
    const old = new Database(path);
    old.exec(`CREATE TABLE feedback (id TEXT PRIMARY KEY, received_at TEXT NOT NULL, created_at TEXT NOT NULL, audience TEXT NOT NULL,
      category TEXT NOT NULL, urgency TEXT, department TEXT, site TEXT, status TEXT NOT NULL DEFAULT 'new', spam INTEGER NOT NULL DEFAULT 0,
      identity TEXT, body TEXT NOT NULL) STRICT; CREATE INDEX feedback_created_at ON feedback (created_at DESC); PRAGMA user_version = 1;`);
    old.prepare('INSERT INTO feedback VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, 0, NULL, ?)').run(
      record.feedback.id, record.receivedAt, record.feedback.createdAt, record.feedback.audience, record.feedback.category, 'read', JSON.stringify(record.feedback),
    );
    old.close();
    const storage = createSqliteStorage(path);
    expect(await storage.list()).toEqual([record]);
    expect(await storage.insert(storedFeedback(), [{ kind: 'webhook', target: 'https://hooks.example/', payload: '{}' }])).toBe(true);
    await storage.close();
  });
});
