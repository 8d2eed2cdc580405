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
