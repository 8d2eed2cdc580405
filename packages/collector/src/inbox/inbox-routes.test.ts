import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, readInbox } from '../collector.fixture.js';

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
});
