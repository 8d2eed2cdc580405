// Threads inside the browser-test server (real HTTP), speaking the collector's follow-up API:
//   PUT    /thread-endpoint/<id>/seed     body: { key, status, replies } — what the team has said so far
//   GET    /thread-endpoint/<id>/thread   with Authorization: Bearer <key> → { id, status, replies } (ETag; 404 for a wrong key)
//   POST   /thread-endpoint/<id>/thread   with the key and { message } → 201, the person's answer is added
//   DELETE /thread-endpoint/<id>          with the key → 204, the thread is gone
// Ids are unique per test, which keeps tests apart.
import { readRequestBody } from './read-request-body.mjs';

const threads = new Map();

export function threadEndpoint() {
  return async function threadEndpointMiddleware(context, next) {
    const match = /^\/thread-endpoint\/([\w-]+)(\/seed|\/thread)?$/.exec(context.path);
    if (!match) return next();
    const [, id, action] = match;
    if (action === '/seed') {
      threads.set(id, JSON.parse(await readRequestBody(context.req)));
      context.status = 204;
      return;
    }
    const thread = threads.get(id);
    context.type = 'application/json';
    if (!thread || context.get('authorization') !== `Bearer ${thread.key}`) {
      context.status = 404;
      context.body = '{"error":"not_found"}';
      return;
    }
    if (context.method === 'DELETE' && !action) {
      threads.delete(id);
      context.status = 204;
      return;
    }
    if (context.method === 'POST' && action === '/thread') {
      const { message } = JSON.parse(await readRequestBody(context.req));
      thread.replies.push({ id: `r${thread.replies.length}`, author: 'you', body: message, createdAt: new Date().toISOString() });
      context.status = 201;
      context.body = '{}';
      return;
    }
    context.set('etag', `"${thread.replies.length}-${thread.status}"`);
    context.body = { id, status: thread.status, replies: thread.replies };
  };
}
