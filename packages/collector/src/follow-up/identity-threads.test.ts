import { identityAuthorization } from '@hearken/client';
import type { User } from '@hearken/client/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post } from '../collector.fixture.js';
import { signIdentity } from '../intake/identity.js';

afterEach(closeCollectors);

const SECRET = 'intranet-identity-secret';
const signed = async (user: User, secret = SECRET): Promise<User> => ({ ...user, signature: await signIdentity(user, secret) });
const ada = () => signed({ id: 'e-1042', name: 'Ada Jürgens', email: 'ada@example.com', department: 'IT' });
const bob = () => signed({ id: 'e-2001', name: 'Bob' });
const as = (user: User, init: RequestInit = {}) => ({ ...init, headers: { authorization: identityAuthorization(user)!, ...(init.headers as Record<string, string>) } });

/** A verified employee's feedback (no follow-up key: another device has none anyway), posted. */
async function sentBy(server: { intake: string }, user: User, message: string) {
  const item = feedback({ audience: 'internal', user, message });
  expect((await post(server.intake, item)).status).toBe(201);
  return item;
}
const teamReply = (server: { url: string }, id: string, body: string, internal = false) =>
  fetch(`${server.url}/inbox/${id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body, internal }) });

describe('follow-up by identity: a signed-in employee’s threads on any device', () => {
  it('lists the person’s own verified threads, newest first, with team replies and never notes', async () => {
    const server = await collector({ identitySecret: SECRET });
    const me = await ada();
    const first = await sentBy(server, me, 'Printer on floor 3 is broken');
    const second = await sentBy(server, me, 'The badge reader at door B beeps twice');
    await sentBy(server, await bob(), 'Coffee machine empty');
    // The same user id without a valid signature is not that person.
    await post(server.intake, feedback({ audience: 'internal', user: { ...me, signature: '00'.repeat(32) }, message: 'Forged' }));
    await teamReply(server, first.id, 'A technician is on the way.');
    await teamReply(server, first.id, 'Vendor ticket 4711', true);

    const response = await fetch(`${server.intake}/threads`, as(me));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('private');
    const { threads } = await response.json();
    expect(threads.map((t: { id: string }) => t.id)).toEqual([second.id, first.id]);
    expect(threads[1]).toMatchObject({ id: first.id, createdAt: first.createdAt, message: 'Printer on floor 3 is broken', status: 'new' });
    expect(threads[1].replies.map((r: { author: string; body: string }) => [r.author, r.body])).toEqual([['team', 'A technician is on the way.']]);
    expect(JSON.stringify(threads)).not.toContain('4711');
  });

  it('reads and answers one thread by identity; another person’s thread and an unknown id get the key’s 404', async () => {
    const server = await collector({ identitySecret: SECRET });
    const me = await ada();
    const mine = await sentBy(server, me, 'Printer on floor 3 is broken');
    const theirs = await sentBy(server, await bob(), 'Coffee machine empty');
    await teamReply(server, mine.id, 'Fixed?');
    await teamReply(server, mine.id, 'Note: toner ordered', true);

    const thread = await fetch(`${server.intake}/${mine.id}/thread`, as(me));
    expect(thread.status).toBe(200);
    expect((await thread.json()).replies.map((r: { body: string }) => r.body)).toEqual(['Fixed?']);
    const answer = await fetch(`${server.intake}/${mine.id}/thread`, as(me, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Yes, thanks!' }) }));
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ author: 'you', body: 'Yes, thanks!' });
    const { items } = await (await fetch(`${server.url}/inbox.json`)).json();
    expect(items.find((i: { feedback: { id: string } }) => i.feedback.id === mine.id).replies.map((r: { author: string; body: string }) => [r.author, r.body])).toEqual([
      ['team', 'Fixed?'],
      ['team', 'Note: toner ordered'],
      ['you', 'Yes, thanks!'],
    ]);

    const wrongKey = await fetch(`${server.intake}/${mine.id}/thread`, { headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAA' } });
    for (const url of [`${server.intake}/${theirs.id}/thread`, `${server.intake}/${crypto.randomUUID()}/thread`]) {
      const refused = await fetch(url, as(me));
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual(await wrongKey.clone().json());
      expect((await fetch(url, as(me, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":"x"}' }))).status).toBe(404);
    }
    // Withdrawing takes the key: an identity cannot delete.
    expect((await fetch(`${server.intake}/${mine.id}`, as(me, { method: 'DELETE' }))).status).toBe(404);
  });

  it('refuses a wrong signature, a malformed or missing identity, and any identity without a secret, with 401 and what to fix', async () => {
    const server = await collector({ identitySecret: SECRET });
    const me = await ada();
    const mine = await sentBy(server, me, 'Printer on floor 3 is broken');
    const forged = await signed({ id: me.id, name: me.name }, 'another-secret');
    const tampered = { ...me, department: 'Finance' };
    for (const [url, init] of [
      [`${server.intake}/threads`, as(forged)],
      [`${server.intake}/threads`, as(tampered)],
      [`${server.intake}/${mine.id}/thread`, as(forged)],
    ] as const) {
      const response = await fetch(url, init);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Identity');
      expect(await response.json()).toMatchObject({ error: 'invalid_identity', message: expect.stringContaining('signature') });
    }
    for (const authorization of ['Identity not*base64', 'Identity ' + btoa('[1,2]'), 'Identity ' + btoa('{"id":7,"signature":"x"}')]) {
      const response = await fetch(`${server.intake}/threads`, { headers: { authorization } });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toBe('invalid_identity');
    }
    const missing = await fetch(`${server.intake}/threads`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'identity_required' });

    const plain = await collector();
    const unsupported = await fetch(`${plain.intake}/threads`, as(me));
    expect(unsupported.status).toBe(401);
    expect(await unsupported.json()).toMatchObject({ error: 'identity_not_configured', message: expect.stringContaining('--identity-secret') });
  });

  it('answers the preflight for the Identity header from an allowed origin, and nothing to another origin', async () => {
    const server = await collector({ identitySecret: SECRET, allowOrigins: ['https://intranet.example'] });
    const preflight = await fetch(`${server.intake}/threads`, {
      method: 'OPTIONS',
      headers: { origin: 'https://intranet.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
    const me = await ada();
    const allowed = await fetch(`${server.intake}/threads`, as(me, { headers: { origin: 'https://intranet.example' } }));
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    const other = await fetch(`${server.intake}/threads`, as(me, { headers: { origin: 'https://evil.example' } }));
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
