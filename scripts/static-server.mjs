// A small static file server for the examples and the script-tag files (npm start and the e2e tests).
// In .html files, %HEARKEN_ENDPOINT% becomes the collector's intake URL and %HEARKEN_INBOX% its inbox.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * @param {{ mounts: Record<string, string>, port?: number, host?: string, endpoint?: string | (() => string),
 *   headers?: (pathname: string) => Record<string, string> | undefined,
 *   files?: Record<string, string>, redirects?: Record<string, string> }} options
 *   mounts: URL prefix → folder, e.g. { '/': 'examples', '/hearken/': 'packages/widget/dist/browser' };
 *   files: exact path → file, served as is (a package CDN's bare package URL);
 *   redirects: exact path → where a 302 sends it.
 * @returns the server's URL, and `requests`: every path asked for, in order.
 */
export async function startStaticServer({ mounts, port = 8080, host = '127.0.0.1', endpoint = '', headers, files = {}, redirects = {} }) {
  const prefixes = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const requests = [];
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    requests.push(pathname);
    if (redirects[pathname]) return void response.writeHead(302, { location: redirects[pathname] }).end();
    if (files[pathname]) {
      response.writeHead(200, { 'content-type': TYPES[extname(files[pathname])] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      return void createReadStream(files[pathname]).pipe(response);
    }
    const [prefix, folder] = prefixes.find(([p]) => pathname.startsWith(p)) ?? [];
    if (!folder) return void response.writeHead(404).end('not found');
    const root = resolve(folder);
    let file = normalize(join(root, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(root)) return void response.writeHead(403).end('forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const extra = { 'cache-control': 'no-cache', ...headers?.(pathname) };
    if (extname(file) === '.html') {
      const intake = typeof endpoint === 'function' ? endpoint() : endpoint;
      const inbox = intake ? new URL('/inbox', intake).href : '';
      const html = (await readFile(file, 'utf8')).replaceAll('%HEARKEN_ENDPOINT%', intake).replaceAll('%HEARKEN_INBOX%', inbox);
      return void response.writeHead(200, { 'content-type': type, ...extra }).end(html);
    }
    response.writeHead(200, { 'content-type': type, ...extra });
    createReadStream(file).pipe(response);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    requests,
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}
