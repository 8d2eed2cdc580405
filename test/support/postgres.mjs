// A throwaway PostgreSQL cluster for tests and the benchmark. Plain JavaScript, so that
// `scripts/bench-collector.mjs` can use it as well as the tests; types in postgres.d.mts.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function findPostgresBin() {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(
      'PostgreSQL is needed for these tests and was not found: install it (Debian: apt-get install -y postgresql), or set PG_BIN to the folder holding initdb and pg_ctl',
    );
  }
  return join(root, newest, 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres({ durable = false } = {}) {
  const bin = findPostgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'hearken-pg-'));
  // PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  const exec = (tool, args) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { timeout: 60_000 }) : run(join(bin, tool), args, { timeout: 60_000 }));
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const speed = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${speed}`;
  const start = async () => void (await exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']));
  const stop = async () => void (await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
  await start();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let count = 0;
  return {
    async createDatabase() {
      const name = `hearken_${process.pid}_${++count}`;
      const { default: pg } = await import('pg');
      const client = new pg.Client(`${base}/postgres`);
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `${base}/${name}`;
    },
    stop,
    start,
    async remove() {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
