// The wire contract of DESIGN.md end to end: what a conforming sender posts, the client sends and
// the reference collector keeps. A message counts after trimming; `contact.email` is optional.
import { createClient, type HearkenClient } from '@hearken/client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, readInbox } from '../packages/collector/src/collector.fixture.js';

const clients: HearkenClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await closeCollectors();
});

const fiveThousand = 'x'.repeat(5000);

describe('wire contract: client and collector', () => {
  it('delivers a 5,000-character message sent with surrounding white space, stored trimmed', async () => {
    const server = await collector();
    const client = createClient({ endpoint: server.intake, autoFlush: false });
    clients.push(client);
    const result = await client.send({ message: `\n${fiveThousand}\n\n` });
    expect(result).toMatchObject({ status: 'sent' });
    const [item] = await readInbox(server.url);
    expect(item!.feedback.message).toBe(fiveThousand);
  });

  it('accepts contact without an email, from the client and from any sender', async () => {
    const server = await collector();
    const client = createClient({ endpoint: server.intake, autoFlush: false });
    clients.push(client);
    expect(await client.send({ message: 'Call me maybe', contact: { mayContact: true } })).toMatchObject({ status: 'sent' });
    const named = feedback({ contact: { name: 'Ann', mayContact: true } });
    expect((await post(server.intake, named)).status).toBe(201);
    const contacts = (await readInbox(server.url)).map((item) => item.feedback.contact);
    expect(contacts).toEqual(expect.arrayContaining([{ mayContact: true }, { name: 'Ann', mayContact: true }]));
  });

  it('refuses 5,001 characters between spaces with 422 too_big', async () => {
    const server = await collector();
    const response = await post(server.intake, feedback({ message: ` ${fiveThousand}x ` }));
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('too_big');
  });
});
