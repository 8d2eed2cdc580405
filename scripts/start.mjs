// `npm start`: the demo. Builds what is missing, starts the collector (SQLite in ./.data/) and
// serves examples/ on localhost, printing the URLs. Ctrl-C stops both.
//   HEARKEN_PORT (8787) and EXAMPLES_PORT (8080) choose the ports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';

const needed = ['packages/client/dist/index.js', 'packages/collector/dist/index.js', 'packages/widget/dist/browser/hearken.js', 'examples/npm-client/dist/app.js'];
if (needed.some((file) => !existsSync(file))) {
  console.log('Building the packages (first start)…');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { createSqliteStorage, startServer } = await import('../packages/collector/dist/index.js');
const host = '127.0.0.1';
const examplesPort = Number(process.env.EXAMPLES_PORT ?? 8080);
const collectorPort = Number(process.env.HEARKEN_PORT ?? 8787);
const examplesOrigins = [`http://${host}:${examplesPort}`, `http://localhost:${examplesPort}`];

const listenError = (what, port) => (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use (${what}). Free it, or choose another port with ${what === 'collector' ? 'HEARKEN_PORT' : 'EXAMPLES_PORT'}=…` : error);
  process.exit(1);
};

const collector = await startServer({
  port: collectorPort,
  host,
  storage: createSqliteStorage('.data/feedback.db'),
  allowOrigins: examplesOrigins,
  rateLimit: 60,
}).catch(listenError('collector', collectorPort));
const endpoint = `${collector.url}/feedback`;
const examples = await startStaticServer({
  port: examplesPort,
  host,
  endpoint,
  mounts: { '/': 'examples', '/hearken/': 'packages/widget/dist/browser' },
  headers: (pathname) =>
    pathname.startsWith('/strict-csp/')
      ? { 'content-security-policy': `default-src 'self'; connect-src ${collector.url}; require-trusted-types-for 'script'; object-src 'none'; base-uri 'none'` }
      : undefined,
}).catch(listenError('examples', examplesPort));

console.log(`
  Hearken demo is running.

  Examples   ${examples.url}/
    public site   ${examples.url}/public-site/   (Deutsch: ${examples.url}/public-site/de.html)
    intranet      ${examples.url}/intranet/
    npm client    ${examples.url}/npm-client/
    strict CSP    ${examples.url}/strict-csp/
  Collector  ${endpoint}   (SQLite: .data/feedback.db)
  Inbox      ${collector.url}/inbox

  Click "Feedback" on an example page, send something, then open the inbox. Ctrl-C stops.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([examples.close(), collector.close()]);
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
