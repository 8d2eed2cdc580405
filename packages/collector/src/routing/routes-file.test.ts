import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_TARGETS } from '../follow-up/answer-targets.js';
import { storedFeedback } from '../storage/storage-contract.fixture.js';
import { closeCollectors, collector, feedback, post } from '../collector.fixture.js';
import { createWebhookForwarder } from '../webhook-forwarder.js';
import { createSqliteStorage } from '../storage/sqlite-storage.js';
import { parseRoutes, readRoutes } from './routes-file.js';

const folder = mkdtempSync(join(tmpdir(), 'hearken-routes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(closeCollectors);
const file = (text: string) => {
  const path = join(folder, `${crypto.randomUUID()}.json`);
  writeFileSync(path, text);
  return path;
};

const ROUTES = {
  teams: {
    facilities: { webhook: 'https://hooks.example/facilities', email: 'facilities@example.com', sla: 'high=15m' },
    it: { email: 'it@example.com', notify: 'all' },
    support: {},
  },
  routes: [
    { match: { audience: 'internal', category: ['equipment', 'building'] }, team: 'facilities' },
    { match: { audience: 'internal', department: 'IT' }, team: 'it' },
    { match: { audience: 'external', urgency: 'normal' }, team: 'support' },
  ],
};

describe('routes file', () => {
  it('sends each feedback to the first matching team, with that team\'s answer targets', () => {
    const routing = readRoutes(file(JSON.stringify(ROUTES)), DEFAULT_ANSWER_TARGETS);
    const team = (fields: Parameters<typeof storedFeedback>[0]) => routing.teamOf(storedFeedback(fields))?.name;
    expect(team({ audience: 'internal', category: 'equipment', user: { department: 'IT' } })).toBe('facilities');
    expect(team({ audience: 'internal', category: 'process', user: { department: 'IT' } })).toBe('it');
    expect(team({ audience: 'external' })).toBe('support');
    expect(team({ audience: 'external', urgency: 'high' })).toBeUndefined();
    expect(team({ audience: 'internal', category: 'idea' })).toBeUndefined();
    expect(routing.teams.get('facilities')!.answerTargets).toEqual({ ...DEFAULT_ANSWER_TARGETS, high: 15 * 60_000 });
    expect(routing.teams.get('it')!.answerTargets).toEqual(DEFAULT_ANSWER_TARGETS);
  });

  it('notifies a team at once of urgent reports (or of all, with notify: all) by webhook and mail', () => {
    const routing = parseRoutes(ROUTES, DEFAULT_ANSWER_TARGETS);
    const urgent = routing.outgoing(storedFeedback({ audience: 'internal', category: 'equipment', urgency: 'high', message: 'Printer broken', user: { name: 'Jane', department: 'Sales' } }));
    expect(urgent.map((m) => [m.kind, m.target])).toEqual([['webhook', 'https://hooks.example/facilities'], ['mail', 'team/facilities']]);
    expect(JSON.parse(urgent[0]!.payload).text).toBe('[facilities] [high] equipment from Jane, Sales: Printer broken');
    expect(JSON.parse(urgent[1]!.payload)).toMatchObject({ to: 'facilities@example.com', subject: '[high] equipment for facilities' });
    expect(routing.outgoing(storedFeedback({ audience: 'internal', category: 'equipment' }))).toEqual([]);
    expect(routing.outgoing(storedFeedback({ audience: 'internal', category: 'process', user: { department: 'IT' } })).map((m) => m.target)).toEqual(['team/it']);
    expect(routing.mails).toBe(true);
  });

  it.each([
    ['{\n  "teams": {},\n  "routes": [\n    { "team": "x", }\n  ]\n}', /line 4: not valid JSON/],
    ['[]', /the file: expected an object with "teams" and "routes"/],
    ['{"teams": {}, "routes": [], "rules": []}', /rules: unknown; the file has "teams" and "routes"/],
    ['{"teams": {"a": {"webhook": "ftp://x"}}, "routes": []}', /teams\.a\.webhook: expected an http\(s\) URL/],
    ['{"teams": {"a": {"email": "nobody"}}, "routes": []}', /teams\.a\.email: expected an email address/],
    ['{"teams": {"a": {"sla": "high=soon"}}, "routes": []}', /teams\.a\.sla: "high=soon": the time is a whole number/],
    ['{"teams": {"a": {"notify": "sometimes"}}, "routes": []}', /teams\.a\.notify: expected "high"/],
    ['{"teams": {"a": {}}, "routes": [{"team": "b"}]}', /routes\[0\]\.team: expected the name of a team in "teams" \(a\), not "b"/],
    ['{"teams": {"a": {}}, "routes": [{"team": "a"}, {"team": "a", "match": {"urgency": "urgnt"}}]}', /routes\[1\]\.match\.urgency: "urgnt" is not one of low, normal, high/],
    ['{"teams": {"a": {}}, "routes": [{"team": "a", "match": {"colour": "red"}}]}', /routes\[0\]\.match\.colour: unknown; match by audience, category, site, urgency, department/],
    ['{"teams": {"a": {}}, "routes": [{"team": "a", "match": {"site": []}}]}', /routes\[0\]\.match\.site: expected a value or a list of values/],
  ])('names the bad entry of %s', (text, message) => {
    const path = file(text);
    expect(() => readRoutes(path, DEFAULT_ANSWER_TARGETS)).toThrow(message);
    expect(() => readRoutes(path, DEFAULT_ANSWER_TARGETS)).toThrow(path);
  });

  it('tells a team\'s webhook of an urgent internal report at once, through the collector', async () => {
    const received: unknown[] = [];
    const hook = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', () => resolve()));
    try {
      const routing = parseRoutes({ teams: { facilities: { webhook: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook` } }, routes: [{ match: { audience: 'internal', category: 'equipment' }, team: 'facilities' }] }, DEFAULT_ANSWER_TARGETS);
      let forwarder!: ReturnType<typeof createWebhookForwarder>;
      const server = await collector({ outgoing: (r) => routing.outgoing(r), onStored: () => void forwarder.deliverDue(), routeOf: (r) => { const t = routing.teamOf(r); return t && { team: t.name, answerTargets: t.answerTargets }; } });
      const storage = createSqliteStorage(server.db);
      // No polling: only the notice on receipt can deliver it.
      forwarder = createWebhookForwarder({ storage, pollInterval: 3_600_000 });
      const started = Date.now();
      await post(server.intake, feedback({ audience: 'internal', category: 'equipment', urgency: 'high', message: 'Beamer in room 4 is dead' }));
      await post(server.intake, feedback({ audience: 'internal', category: 'equipment', urgency: 'low', message: 'Chair squeaks' }));
      while (!received.length && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(Date.now() - started).toBeLessThan(2000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received).toEqual([{ text: expect.stringContaining('[facilities] [high] equipment from someone: Beamer in room 4 is dead') }]);
      const items = (await (await fetch(`${server.url}/inbox.json`)).json()).items as { team?: string }[];
      expect(items.map((i) => i.team)).toEqual(['facilities', 'facilities']);
      await forwarder.stop();
      await storage.close();
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});
