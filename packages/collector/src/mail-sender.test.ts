import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../test/support/smtp-server.js';
import { closeCollectors, collector, feedback, post } from './collector.fixture.js';
import { createMailSender, type MailSender } from './mail-sender.js';
import { createSqliteStorage } from './storage/sqlite-storage.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await closeCollectors();
});

async function collectorWithMail(smtpPort: number, baseDelay = 2000) {
  let sender!: MailSender;
  const server = await collector({
    replyOutgoing: (record, reply) => sender.outgoing(record, reply),
    onReply: () => void sender.deliverDue(),
  });
  // A second handle on the collector's database, as a mail worker beside it would have.
  const storage = createSqliteStorage(server.db);
  sender = createMailSender({ smtp: `smtp://127.0.0.1:${smtpPort}`, from: 'Support <support@example.com>', replyTo: 'help@example.com', storage, baseDelay, pollInterval: 50 });
  sender.start();
  closers.push(async () => {
    await sender.stop();
    await storage.close();
  });
  return server;
}

const reply = (server: { url: string }, id: string, body: string, internal = false) =>
  fetch(`${server.url}/inbox/${id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body, internal }) });

const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('mail: team replies by email', () => {
  it('sends exactly one mail per team reply to a person who agreed, none for notes, none without consent or address', async () => {
    const smtp = await startSmtpServer();
    closers.push(smtp.close);
    const server = await collectorWithMail(smtp.port);
    const consenting = feedback({ message: 'The export button does nothing', contact: { email: 'jane@example.com', mayContact: true } });
    const declining = feedback({ contact: { email: 'joe@example.com', mayContact: false } });
    // Consent without an address is valid feedback (contact.email is optional): answered in its thread only.
    const noAddress = feedback({ contact: { name: 'Ann', mayContact: true } });
    for (const item of [consenting, declining, noAddress]) expect((await post(server.intake, item)).status).toBe(201);
    expect((await reply(server, consenting.id, 'Fixed in version 2.1, thanks!')).status).toBe(201);
    expect((await reply(server, consenting.id, 'Ticket EXP-12', true)).status).toBe(201);
    expect((await reply(server, declining.id, 'Thanks for telling us')).status).toBe(201);
    expect((await reply(server, noAddress.id, 'Thanks, Ann')).status).toBe(201);
    await until(() => smtp.received.length >= 1);
    expect((await reply(server, consenting.id, 'One more thing: restart the app once.')).status).toBe(201);
    await until(() => smtp.received.length >= 2);
    // Time for any wrong mail to arrive too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(2);
    const [first, second] = smtp.received;
    expect(first!.to).toEqual(['jane@example.com']);
    expect(first!.from).toBe('support@example.com');
    expect(first!.data).toContain('Fixed in version 2.1, thanks!');
    expect(first!.data).toContain('> The export button does nothing');
    expect(first!.data).toMatch(/^Reply-To: help@example\.com/m);
    expect(first!.data).toMatch(/^Subject: Re: your feedback: The export button does nothing/m);
    expect(second!.data).toContain('One more thing');
    expect(smtp.received.map((m) => m.data).join('')).not.toContain('EXP-12');
    expect(smtp.received.map((m) => m.data).join('')).not.toContain('Thanks, Ann');
  });

  it('keeps the reply when the SMTP server is unreachable, shows the failure in the inbox, and sends once it is back', async () => {
    const probe = await startSmtpServer();
    const port = probe.port;
    await probe.close();
    const server = await collectorWithMail(port, 100);
    const item = feedback({ contact: { email: 'jane@example.com', mayContact: true } });
    await post(server.intake, item);
    expect((await reply(server, item.id, 'We are on it')).status).toBe(201);
    type Listed = { replies: { body: string }[]; undelivered: { kind: string; state: string; error: string; attempts: number }[] };
    const listed = async () => ((await (await fetch(`${server.url}/inbox.json`)).json()).items as Listed[])[0]!;
    await until(async () => (await listed()).undelivered.length > 0);
    const shown = await listed();
    expect(shown.replies.map((r) => r.body)).toEqual(['We are on it']);
    expect(shown.undelivered[0]).toMatchObject({ kind: 'mail', state: 'pending' });
    expect(shown.undelivered[0]!.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await (await fetch(`${server.url}/inbox`)).text()).toMatch(/mail not sent yet after \d+ attempt/);
    const smtp = await startSmtpServer(port);
    closers.push(smtp.close);
    await until(() => smtp.received.length === 1);
    await until(async () => (await listed()).undelivered.length === 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(1);
  });
});
