import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, rawRequest, readInbox } from '../collector.fixture.js';

afterEach(closeCollectors);

describe('inbox', () => {
  it('refuses every form of reading without the admin token', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    await post(server.intake, feedback());
    for (const path of ['/inbox.json', '/inbox.csv']) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(401);
      expect((await fetch(`${server.url}${path}`, { headers: { authorization: 'Bearer WRONG' } })).status).toBe(401);
    }
    const page = await fetch(`${server.url}/inbox`);
    expect(page.status).toBe(401);
    const text = await page.text();
    expect(text).toContain('Admin token');
    expect(text).not.toContain('dark mode');
    expect(await readInbox(server.url, 'SECRET')).toHaveLength(1);
  });

  it('logs in with the token through the page and reads with the cookie', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    await post(server.intake, feedback({ message: 'Visible after login' }));
    const wrong = await fetch(`${server.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: 'nope' }), redirect: 'manual' });
    expect(wrong.status).toBe(401);
    const login = await fetch(`${server.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: 'SECRET' }), redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).not.toContain('SECRET');
    const page = await fetch(`${server.url}/inbox`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Visible after login');
  });

  it('renders a <script> message inert, and sends a CSP that forbids scripts', async () => {
    const server = await collector();
    await post(server.intake, feedback({ message: '<script>alert(1)</script><img src=x onerror=alert(2)>' }));
    const response = await fetch(`${server.url}/inbox`);
    const text = await response.text();
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('lists newest first, filters, and marks items read or resolved', async () => {
    const server = await collector();
    const older = feedback({ audience: 'internal', category: 'equipment', urgency: 'high', user: { name: 'Jane', department: 'IT' } });
    const newer = feedback({ category: 'praise' });
    await post(server.intake, older);
    await post(server.intake, newer);
    expect((await readInbox(server.url)).map((i) => i.feedback.id)).toEqual([newer.id, older.id]);
    expect((await readInbox(server.url, undefined, '?audience=internal&urgency=high&department=IT')).map((i) => i.feedback.id)).toEqual([older.id]);
    expect(await readInbox(server.url, undefined, '?category=praise&from=2026-11-26&to=2026-11-26')).toHaveLength(1);
    const marked = await fetch(`${server.url}/inbox/status`, { method: 'POST', body: new URLSearchParams({ id: older.id, status: 'resolved' }), redirect: 'manual' });
    expect(marked.status).toBe(303);
    expect((await readInbox(server.url, undefined, '?status=resolved')).map((i) => i.feedback.id)).toEqual([older.id]);
  });

  it('exports CSV with formula cells defused', async () => {
    const server = await collector();
    await post(server.intake, feedback({ message: '=HYPERLINK("http://evil","x"), "quoted"' }));
    const csv = await (await fetch(`${server.url}/inbox.csv`)).text();
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toMatch(/^id,createdAt,receivedAt,status,audience,category/);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"",""x""), ""quoted"""`);
  });

  // Needs a storage that lists by receivedAt (FeedbackStorage.list).
  it('lists by arrival, so a createdAt far in the future cannot pin an item to the top, and keeps createdAt as sent', async () => {
    const server = await collector();
    const future = feedback({ createdAt: '2099-01-01T00:00:00.000Z', message: 'From a clock gone wrong' });
    const normal = feedback({ createdAt: new Date().toISOString() });
    await post(server.intake, future);
    await post(server.intake, normal);
    const items = await readInbox(server.url);
    expect(items.map((i) => i.feedback.id)).toEqual([normal.id, future.id]);
    expect(items[1]!.feedback.createdAt).toBe('2099-01-01T00:00:00.000Z');
    expect(items[1]!.receivedAt < '2099').toBe(true);
    const csv = await (await fetch(`${server.url}/inbox.csv`)).text();
    expect(csv.split('\r\n')[2]).toContain(`${future.id},2099-01-01T00:00:00.000Z,`);
    const page = await (await fetch(`${server.url}/inbox`)).text();
    expect(page.indexOf(normal.id)).toBeLessThan(page.indexOf(future.id));
    expect(page).toContain('datetime="2099-01-01T00:00:00.000Z"');
  });
});

describe('inbox: Host names (DNS rebinding)', () => {
  it('without a token, answers loopback names only and tells a forged Host what to configure', async () => {
    const server = await collector();
    await post(server.intake, feedback({ contact: { email: 'jane@example.com', mayContact: true } }));
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, 'LOCALHOST']) {
      expect((await rawRequest(`${server.url}/inbox.json`, { headers: { host } })).status).toBe(200);
    }
    for (const path of ['/inbox', '/inbox.json', '/inbox.csv']) {
      const forged = await rawRequest(`${server.url}${path}`, { headers: { host: `attacker.example:${server.port}` } });
      expect(forged.status).toBe(421);
      expect(forged.body).not.toContain('jane@example.com');
      expect(JSON.parse(forged.body).message).toContain('--public-url');
    }
    const status = await rawRequest(`${server.url}/inbox/status`, { method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'id=x&status=read' });
    expect(status.status).toBe(421);
    // Intake answers whatever name the page used.
    const posted = await rawRequest(server.intake, { method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/json' }, body: JSON.stringify(feedback()) });
    expect(posted.status).toBe(201);
  });

  it('with publicUrl, answers that name too and refuses others even with the token', async () => {
    const server = await collector({ adminToken: 'SECRET', publicUrl: 'https://feedback.example.com' });
    const auth = { authorization: 'Bearer SECRET' };
    expect((await rawRequest(`${server.url}/inbox.json`, { headers: { ...auth, host: 'feedback.example.com' } })).status).toBe(200);
    expect((await rawRequest(`${server.url}/inbox.json`, { headers: { ...auth, host: `localhost:${server.port}` } })).status).toBe(200);
    expect((await rawRequest(`${server.url}/inbox.json`, { headers: { ...auth, host: 'attacker.example' } })).status).toBe(421);
    const login = await rawRequest(`${server.url}/inbox/login`, { method: 'POST', headers: { host: 'feedback.example.com', 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=SECRET' });
    expect(login.headers['set-cookie']?.[0]).toContain('Secure');
  });

  it('with a token and no publicUrl, answers any name (the token is the guard)', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    expect((await rawRequest(`${server.url}/inbox.json`, { headers: { authorization: 'Bearer SECRET', host: 'feedback.internal' } })).status).toBe(200);
  });

  it('refuses a Host header that is no host name', async () => {
    const server = await collector();
    expect((await rawRequest(`${server.url}/inbox.json`, { headers: { host: 'attacker.example/x' } })).status).toBe(400);
  });
});

describe('inbox: behind a proxy', () => {
  it('does not take a request forwarded by a proxy on this machine for a loopback reader', async () => {
    const server = await collector();
    expect((await fetch(`${server.url}/inbox.json`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(403);
    expect((await fetch(`${server.url}/inbox.json`, { headers: { forwarded: 'for=203.0.113.7' } })).status).toBe(403);
    const trusting = await collector({ trustProxy: 1 });
    expect((await fetch(`${trusting.url}/inbox.json`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(403);
    expect((await fetch(`${trusting.url}/inbox.json`, { headers: { 'x-forwarded-for': 'garbage' } })).status).toBe(403);
    expect((await fetch(`${trusting.url}/inbox.json`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(200);
  });
});

describe('inbox: answering', () => {
  const auth = { authorization: 'Bearer SECRET' };
  const reply = (server: { url: string }, id: string, body: unknown, headers: Record<string, string> = auth) =>
    fetch(`${server.url}/inbox/${id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  type Item = { feedback: { id: string }; status: string; overdue: boolean; replies: { author: string; body: string; internal: boolean; createdAt: string }[]; history: { status: string; by: string; at: string }[] };
  const items = async (server: { url: string }, query = '') => (await (await fetch(`${server.url}/inbox.json${query}`, { headers: auth })).json()).items as Item[];

  it('stores team replies and notes with the admin token, lists them with the item, and refuses bad ones without a 5xx', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    const item = feedback();
    await post(server.intake, item);
    const answered = await reply(server, item.id, { body: 'Thanks, fixed in 2.1', internal: false });
    expect(answered.status).toBe(201);
    expect(await answered.json()).toMatchObject({ author: 'team', body: 'Thanks, fixed in 2.1', internal: false });
    expect((await reply(server, item.id, { body: 'Customer is on the pro plan', internal: true })).status).toBe(201);
    expect((await reply(server, item.id, { body: 'x' }, {})).status).toBe(401);
    expect((await reply(server, item.id, { body: 'x' }, { authorization: 'Bearer WRONG' })).status).toBe(401);
    for (const body of [{ body: '' }, { body: '   ' }, { body: 'x'.repeat(5001) }, {}, { body: 'x', internal: 'yes' }, null]) expect((await reply(server, item.id, body)).status).toBe(422);
    expect((await reply(server, crypto.randomUUID(), { body: 'Hello?' })).status).toBe(404);
    const broken = await fetch(`${server.url}/inbox/${item.id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{"body":' });
    expect(broken.status).toBe(400);
    expect((await fetch(`${server.url}/inbox/${item.id}/replies`, { headers: auth })).status).toBe(405);
    expect((await fetch(`${server.url}/inbox/${item.id}/replies`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: 'hello' })).status).toBe(415);
    const huge = await fetch(`${server.url}/inbox/${item.id}/replies`, { method: 'POST', headers: auth, body: new URLSearchParams({ body: 'x'.repeat(70_000) }) });
    expect(huge.status).toBe(413);
    const [listed] = await items(server);
    expect(listed!.replies.map((r) => [r.author, r.body, r.internal])).toEqual([
      ['team', 'Thanks, fixed in 2.1', false],
      ['team', 'Customer is on the pro plan', true],
    ]);
  });

  it('answers a reply to a spam item with 409 (a note is fine)', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    const bot = feedback({ signals: { honeypot: true } });
    await post(server.intake, bot);
    const refused = await reply(server, bot.id, { body: 'Hi bot' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toContain('note');
    expect((await reply(server, bot.id, { body: 'Spam wave from 203.0.113.0/24', internal: true })).status).toBe(201);
  });

  it('takes replies from the page\'s form with the session cookie, and refuses them from another site', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    const item = feedback({ message: 'Where is my invoice?' });
    await post(server.intake, item);
    const login = await fetch(`${server.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: 'SECRET' }), redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await fetch(`${server.url}/inbox`, { headers: { cookie } })).text();
    expect(page).toContain(`action="/inbox/${item.id}/replies"`);
    expect(page).toContain('Note for the team only');
    const form = (body: Record<string, string>, origin: string) =>
      fetch(`${server.url}/inbox/${item.id}/replies`, { method: 'POST', headers: { cookie, origin }, body: new URLSearchParams(body), redirect: 'manual' });
    const sent = await form({ body: 'It is in your account under Billing', back: '/inbox?status=new' }, server.url);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/inbox?status=new');
    expect((await form({ body: 'Checked with finance', internal: 'on' }, server.url)).status).toBe(303);
    expect((await form({ body: 'forged' }, 'https://evil.example')).status).toBe(403);
    const shown = await (await fetch(`${server.url}/inbox`, { headers: { cookie } })).text();
    expect(shown).toContain('It is in your account under Billing');
    expect(shown).toContain('Note (team only)');
    expect(shown).not.toContain('forged');
    expect((await items(server))[0]!.replies.map((r) => r.internal)).toEqual([false, true]);
  });

  it('refuses a status change posted from another site to a loopback inbox', async () => {
    const server = await collector();
    const item = feedback();
    await post(server.intake, item);
    const forged = await fetch(`${server.url}/inbox/status`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: new URLSearchParams({ id: item.id, status: 'resolved' }), redirect: 'manual' });
    expect(forged.status).toBe(403);
    expect((await readInbox(server.url))[0]!.status).toBe('new');
  });

  it('moves through new, read, in-progress and resolved, recording each change with its time and who made it', async () => {
    const server = await collector({ adminToken: 'SECRET', teamTokens: { alice: 'ALICE-TOKEN' } });
    const item = feedback();
    await post(server.intake, item);
    const login = await fetch(`${server.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: 'ALICE-TOKEN' }), redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const mark = (status: string, headers: Record<string, string>) => fetch(`${server.url}/inbox/status`, { method: 'POST', headers, body: new URLSearchParams({ id: item.id, status }), redirect: 'manual' });
    expect((await mark('read', auth)).status).toBe(303);
    expect((await mark('in-progress', { cookie, origin: server.url })).status).toBe(303);
    expect((await mark('resolved', auth)).status).toBe(303);
    expect((await mark('done', auth)).status).toBe(400);
    const [listed] = await items(server, '?status=resolved');
    expect(listed!.history.map(({ status, by }) => [status, by])).toEqual([['read', 'admin'], ['in-progress', 'alice'], ['resolved', 'admin']]);
    const audit = (await (await fetch(`${server.url}/inbox/audit.json?id=${item.id}`, { headers: auth })).json()).entries as { action: string; by: string; via: string; detail: string }[];
    expect(audit.map(({ action, by, via, detail }) => [action, by, via, detail])).toEqual([
      ['status', 'admin', 'bearer', 'resolved'],
      ['status', 'alice', 'cookie', 'in-progress'],
      ['status', 'admin', 'bearer', 'read'],
    ]);
    expect(listed!.history.every((h) => Math.abs(Date.parse(h.at) - Date.now()) < 60_000)).toBe(true);
    const page = await (await fetch(`${server.url}/inbox`, { headers: auth })).text();
    expect(page).toMatch(/History: read <time[^>]*>[^<]*<\/time> \(admin\) → in-progress <time[^>]*>[^<]*<\/time> \(alice\) → resolved/);
  });

  it('lists as overdue what waits past its target without a team reply, until answered (a note does not count) or resolved', async () => {
    const server = await collector({ adminToken: 'SECRET', answerTargets: { high: 1000, normal: 3600_000, low: 3600_000 } });
    const urgent = feedback({ audience: 'internal', category: 'equipment', urgency: 'high', user: { name: 'Jane', department: 'IT' } });
    const other = feedback({ audience: 'internal', urgency: 'high', user: { department: 'Sales' } });
    const calm = feedback();
    for (const item of [urgent, other, calm]) await post(server.intake, item);
    expect(await items(server, '?overdue=true')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await items(server, '?overdue=true')).map((i) => i.feedback.id)).toEqual([other.id, urgent.id]);
    await reply(server, urgent.id, { body: 'Looking into it', internal: true });
    expect((await items(server, '?overdue=true')).map((i) => i.feedback.id)).toEqual([other.id, urgent.id]);
    await reply(server, urgent.id, { body: 'A technician is on the way' });
    await fetch(`${server.url}/inbox/status`, { method: 'POST', headers: auth, body: new URLSearchParams({ id: other.id, status: 'resolved' }) });
    expect(await items(server, '?overdue=true')).toEqual([]);
    expect((await items(server)).find((i) => i.feedback.id === calm.id)!.overdue).toBe(false);
    const page = await (await fetch(`${server.url}/inbox?overdue=true`, { headers: auth })).text();
    expect(page).toContain('aria-current="page">Overdue');
  });

  it('shows on the page which items are overdue, with an Overdue view', async () => {
    const server = await collector({ answerTargets: { high: 1, normal: 1, low: 1 } });
    const item = feedback({ message: 'Nobody answers' });
    await post(server.intake, item);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const page = await (await fetch(`${server.url}/inbox?overdue=true`)).text();
    expect(page).toContain('<span class="badge overdue">overdue</span>');
    expect(page).toContain('Nobody answers');
    expect(page).toContain('href="/inbox?overdue=true"');
  });

  it('answers stats.json with both audiences side by side, and per department', async () => {
    const server = await collector({ adminToken: 'SECRET', answerTargets: { high: 1, normal: 1, low: 1 } });
    const external = [feedback(), feedback()];
    const internal = [feedback({ audience: 'internal', user: { department: 'IT' } }), feedback({ audience: 'internal', user: { department: 'Sales' } })];
    for (const item of [...external, ...internal]) await post(server.intake, item);
    await post(server.intake, feedback({ signals: { honeypot: true } }));
    await reply(server, external[0]!.id, { body: 'Thanks!' });
    await reply(server, internal[0]!.id, { body: 'On it' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stats = await (await fetch(`${server.url}/inbox/stats.json`, { headers: auth })).json();
    expect(stats.external).toMatchObject({ total: 2, unanswered: 1, overdue: 1 });
    expect(stats.external.medianFirstReplyMinutes).toBeGreaterThanOrEqual(0);
    expect(stats.internal).toMatchObject({ total: 2, unanswered: 1, overdue: 1 });
    expect(stats.departments.IT).toMatchObject({ total: 1, unanswered: 0, overdue: 0 });
    expect(stats.departments.Sales).toMatchObject({ total: 1, unanswered: 1, overdue: 1, medianFirstReplyMinutes: null });
    expect(stats.teams).toEqual({});
    expect((await fetch(`${server.url}/inbox/stats.json`)).status).toBe(401);
  });
});
