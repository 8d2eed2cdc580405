import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { storedFeedback } from '../storage/storage-contract.fixture.js';
import { applyRetention, describeRetention, parseRetention, startRetention, withoutPersonalData } from './retention.js';

const DAY = 86_400_000;
const at = (iso: string) => ({ receivedAt: iso });

describe('retention', () => {
  it('deletes only what was received before the cutoff, spam too, and audits each deletion', async () => {
    const storage = createMemoryStorage();
    const old = storedFeedback({ message: 'old' }, at('2026-01-01T00:00:00.000Z'));
    const oldSpam = storedFeedback({ message: 'old spam' }, { ...at('2026-01-02T00:00:00.000Z'), spam: true });
    const edge = storedFeedback({ message: 'exactly a year' }, at('2026-02-01T00:00:00.000Z'));
    const recent = storedFeedback({ message: 'recent' }, at('2026-06-01T00:00:00.000Z'));
    for (const r of [old, oldSpam, edge, recent]) await storage.insert(r);
    const now = Date.parse('2026-02-01T00:00:00.000Z') + 365 * DAY;
    expect(await applyRetention(storage, { items: 365 * DAY }, now)).toEqual({ deleted: 2, erased: 0 });
    expect((await storage.list({ spam: true })).map((r) => r.feedback.message)).toEqual(['recent', 'exactly a year']);
    expect((await storage.audit()).map((e) => [e.action, e.by, e.detail])).toEqual([
      ['delete', 'retention', 'received more than 365d ago'],
      ['delete', 'retention', 'received more than 365d ago'],
    ]);
    // Run again: nothing more to do, nothing more recorded.
    expect(await applyRetention(storage, { items: 365 * DAY }, now)).toEqual({ deleted: 0, erased: 0 });
    expect(await storage.audit()).toHaveLength(2);
  });

  it('erases personal data once per item, keeping what was said', async () => {
    const storage = createMemoryStorage();
    const named = storedFeedback(
      { message: 'Printer jams', user: { id: 'u1', department: 'IT' }, contact: { email: 'a@example.com', mayContact: true }, tags: ['printer'], context: { url: 'https://x.example/p?who=a', locale: 'de' } },
      { ...at('2026-01-01T00:00:00.000Z'), identity: 'verified' },
    );
    const recent = storedFeedback({ user: { id: 'u2' } }, at('2026-03-01T00:00:00.000Z'));
    for (const r of [named, recent]) await storage.insert(r);
    const now = Date.parse('2026-02-01T00:00:00.000Z');
    expect(await applyRetention(storage, { personal: 30 * DAY }, now)).toEqual({ deleted: 0, erased: 1 });
    const erased = (await storage.get(named.feedback.id))!;
    expect(erased.feedback).toMatchObject({ message: 'Printer jams', tags: ['printer'], context: { url: 'https://x.example/p', locale: 'de' } });
    expect(erased.feedback.user).toBeUndefined();
    expect(erased.identity).toBeUndefined();
    expect(erased.personalErasedAt).toBe(new Date(now).toISOString());
    expect((await storage.get(recent.feedback.id))!.feedback.user).toEqual({ id: 'u2' });
    expect(await applyRetention(storage, { personal: 30 * DAY }, now + DAY)).toEqual({ deleted: 0, erased: 0 });
  });

  it('leaves feedback without personal data as it was, and strips only query and fragment from URLs', () => {
    const plain = storedFeedback({ message: 'Nice', rating: { scale: 'stars', value: 5 } }).feedback;
    expect(withoutPersonalData(plain)).toEqual(plain);
    const withContext = storedFeedback({ context: { url: 'https://a.example/path/x#section', referrer: 'https://b.example/?utm=1', userAgent: 'UA', viewport: { width: 1, height: 2 } } }).feedback;
    expect(withoutPersonalData(withContext).context).toEqual({ url: 'https://a.example/path/x', referrer: 'https://b.example/', viewport: { width: 1, height: 2 } });
  });

  it('reads durations as the flags write them, and says what to write otherwise', () => {
    expect(parseRetention('--retention', '365d')).toBe(365 * DAY);
    expect(parseRetention('--retention', '2s')).toBe(2000);
    expect(() => parseRetention('--retention', '1y')).toThrow('--retention takes a time such as 365d (a whole number with s, m, h or d), not "1y"');
    expect(() => parseRetention('--retention-personal', '0d')).toThrow('--retention-personal takes');
    expect(describeRetention({ items: 365 * DAY, personal: 36 * 3600_000 })).toEqual({ deleteAfter: '365d', erasePersonalAfter: '36h' });
    expect(describeRetention()).toEqual({ deleteAfter: null, erasePersonalAfter: null });
  });

  it('runs at start and again on schedule, and reports a failed run without stopping', async () => {
    const storage = createMemoryStorage();
    let failures = 0;
    let calls = 0;
    const failing = { ...storage, receivedBefore: async (...args: Parameters<typeof storage.receivedBefore>) => (++calls === 1 ? Promise.reject(new Error('database away')) : storage.receivedBefore(...args)) };
    const schedule = startRetention(failing, { items: 1000 }, { everyMs: 20, onError: () => failures++ });
    await schedule.started;
    expect(failures).toBe(1);
    await storage.insert(storedFeedback({}, at(new Date(Date.now() - 5000).toISOString())));
    const until = Date.now() + 5000;
    while ((await storage.list()).length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    schedule.stop();
    expect(await storage.list()).toEqual([]);
  });
});
