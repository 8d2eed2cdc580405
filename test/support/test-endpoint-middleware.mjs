// A feedback endpoint inside the browser-test server (real HTTP, same origin as the tests).
//   POST /test-endpoint/<key>          records the body; answers with the next scripted status (else 200)
//   PUT  /test-endpoint/<key>/script   body: JSON array of { status, headers?, body?, delay? } to answer with
//   GET  /test-endpoint/<key>/log      every request as { status, feedback }, as JSON
// A key per test keeps tests apart.
import { readRequestBody } from './read-request-body.mjs';

const logs = new Map();
const scripts = new Map();

export function testEndpoint() {
  return async function testEndpointMiddleware(context, next) {
    const match = /^\/test-endpoint\/([\w-]+)(\/script|\/log)?$/.exec(context.path);
    if (!match) return next();
    const [, key, action] = match;
    if (action === '/log') {
      context.body = logs.get(key) ?? [];
      return;
    }
    if (action === '/script') {
      scripts.set(key, JSON.parse(await readRequestBody(context.req)));
      context.status = 204;
      return;
    }
    if (context.method !== 'POST') {
      context.status = 405;
      return;
    }
    const body = await readRequestBody(context.req);
    const reply = scripts.get(key)?.shift() ?? { status: 200 };
    if (reply.delay) await new Promise((resolve) => setTimeout(resolve, reply.delay));
    if (!logs.has(key)) logs.set(key, []);
    logs.get(key).push({ status: reply.status, feedback: JSON.parse(body) });
    context.status = reply.status;
    for (const [name, value] of Object.entries(reply.headers ?? {})) context.set(name, value);
    context.body = reply.body ?? (reply.status < 300 ? '{"ok":true}' : '{"error":"scripted"}');
    context.type = 'application/json';
  };
}
