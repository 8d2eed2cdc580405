import type { Feedback } from '@hearken/client/schema';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeedbackStorage, Reply, StoredFeedback } from './feedback-storage.js';

/** A store under test: a fresh, empty database, and a way to open it again (another instance on the same data). */
export interface StoreUnderTest {
  storage: FeedbackStorage;
  /** Another handle on the same database, as a second collector instance has. */
  openAgain(): Promise<FeedbackStorage>;
}

let clock = Date.parse('2026-03-01T08:00:00Z');
/** A stored record; `receivedAt` increases with each call, as the collector's clock does. */
export function storedFeedback(fields: Partial<Feedback> = {}, stored: Partial<StoredFeedback> = {}): StoredFeedback {
  return {
    feedback: {
      id: crypto.randomUUID(),
      schemaVersion: 1,
      createdAt: '2026-03-01T08:00:00.000Z',
      audience: 'external',
      category: 'idea',
      message: 'A dark mode, please',
      anonymous: false,
      ...fields,
    } as Feedback,
    receivedAt: new Date((clock += 1000)).toISOString(),
    status: 'new',
    spam: false,
    replies: [],
    history: [],
    ...stored,
  };
}

let replies = 0;
/** A reply stored now. */
export const reply = (fields: Partial<Reply> = {}): Reply => ({ id: crypto.randomUUID(), author: 'team', body: `Reply ${++replies}`, createdAt: new Date().toISOString(), internal: false, ...fields });

const webhook = (target = 'https://hooks.example/1') => ({ kind: 'webhook', target, payload: '{"text":"x"}' });

/**
 * The one storage contract: every store (memory, SQLite, PostgreSQL) runs this same suite.
 * `open` gives a fresh, empty database per test.
 */
export function describeStorageContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} storage contract`, () => {
    const opened: FeedbackStorage[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store.storage);
      return {
        storage: store.storage,
        openAgain: async () => {
          const again = await store.openAgain();
          opened.push(again);
          return again;
        },
      };
    };
    afterAll(async () => {
      for (const storage of new Set(opened)) await storage.close();
    });

    it('stores each id once, even when copies arrive at the same time on two instances', async () => {
      const { storage, openAgain } = await fresh();
      const other = await openAgain();
      const record = storedFeedback();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : storage).insert(structuredClone(record))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await other.list()).toHaveLength(1);
      expect((await storage.list())[0]).toEqual(record);
    });

    it('lists newest received first, whatever createdAt the client claims', async () => {
      const { storage } = await fresh();
      const future = storedFeedback({ createdAt: '2099-01-01T00:00:00.000Z', message: 'from the future' });
      const later = storedFeedback({ message: 'received later' });
      const last = storedFeedback({ createdAt: '2020-01-01T00:00:00.000Z', message: 'received last' });
      for (const record of [future, later, last]) await storage.insert(record);
      expect((await storage.list()).map((r) => r.feedback.message)).toEqual(['received last', 'received later', 'from the future']);
      expect(await storage.list({ limit: 2 })).toHaveLength(2);
    });

    it('filters by each field, dates by createdAt, and hides spam unless asked', async () => {
      const { storage } = await fresh();
      const records = [
        storedFeedback({ audience: 'internal', category: 'equipment', urgency: 'high', user: { department: 'Sales' }, createdAt: '2026-02-10T09:00:00.000Z' }),
        storedFeedback({ site: 'shop', createdAt: '2026-02-11T23:59:00.000Z' }),
        storedFeedback({ createdAt: '2026-02-12T00:00:00.000Z' }, { spam: true }),
      ];
      for (const record of records) await storage.insert(record);
      const ids = async (filter: Parameters<FeedbackStorage['list']>[0]) => (await storage.list(filter)).map((r) => r.feedback.id);
      const [internal, shop, spam] = records.map((r) => r.feedback.id);
      expect(await ids({ audience: 'internal' })).toEqual([internal]);
      expect(await ids({ category: 'equipment', urgency: 'high', department: 'Sales' })).toEqual([internal]);
      expect(await ids({ site: 'shop' })).toEqual([shop]);
      expect(await ids({ to: '2026-02-11' })).toEqual([shop, internal]);
      expect(await ids({ from: '2026-02-11' })).toEqual([shop]);
      expect(await ids({ spam: 'only' })).toEqual([spam]);
      expect(await ids({ spam: true })).toEqual([spam, shop, internal]);
    });

    it('changes statuses, visible to every instance, and says when an id is unknown', async () => {
      const { storage, openAgain } = await fresh();
      const record = storedFeedback();
      await storage.insert(record);
      const other = await openAgain();
      expect(await other.setStatus(record.feedback.id, 'resolved')).toBe(true);
      expect(await storage.setStatus(crypto.randomUUID(), 'read')).toBe(false);
      expect((await storage.list({ status: 'resolved' })).map((r) => r.feedback.id)).toEqual([record.feedback.id]);
      expect(await storage.list({ status: 'new' })).toEqual([]);
    });

    it('queues outgoing messages with a new feedback only, once per target', async () => {
      const { storage } = await fresh();
      const record = storedFeedback();
      await storage.insert(record, [webhook(), webhook(), webhook('https://hooks.example/2')]);
      await storage.insert(structuredClone(record), [webhook('https://hooks.example/3')]);
      const claimed = await storage.claimOutgoing('webhook', { now: Date.now(), leaseMs: 60_000, limit: 10 });
      expect(claimed.map((m) => m.target).sort()).toEqual(['https://hooks.example/1', 'https://hooks.example/2']);
      expect(claimed[0]).toMatchObject({ feedbackId: record.feedback.id, kind: 'webhook', payload: '{"text":"x"}', attempts: 1 });
      expect(await storage.claimOutgoing('mail', { now: Date.now(), leaseMs: 60_000, limit: 10 })).toEqual([]);
    });

    it('leases a message to one claimer across instances, and hands it out again when the lease expires', async () => {
      const { storage, openAgain } = await fresh();
      const other = await openAgain();
      for (let i = 0; i < 10; i++) await storage.insert(storedFeedback(), [webhook()]);
      const now = Date.now();
      const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? other : storage).claimOutgoing('webhook', { now, leaseMs: 1000, limit: 3 })));
      const ids = claims.flat().map((m) => m.id);
      expect(ids).toHaveLength(10);
      expect(new Set(ids).size).toBe(10);
      expect(await storage.claimOutgoing('webhook', { now: now + 999, leaseMs: 1000, limit: 20 })).toEqual([]);
      // The claimer died: after the lease, another takes over; the first one's late answer no longer counts.
      const again = await other.claimOutgoing('webhook', { now: now + 1000, leaseMs: 1000, limit: 20 });
      expect(again).toHaveLength(10);
      expect(again[0]!.attempts).toBe(2);
      const stale = claims.flat()[0]!;
      expect(await storage.settleOutgoing(stale, { state: 'sent' })).toBe(false);
      const fresher = again.find((m) => m.id === stale.id)!;
      expect(await storage.settleOutgoing(fresher, { state: 'sent' })).toBe(true);
      expect((await storage.claimOutgoing('webhook', { now: now + 5000, leaseMs: 1000, limit: 20 })).map((m) => m.id)).not.toContain(stale.id);
    });

    it('retries a message at the time given, and never again once sent or failed', async () => {
      const { storage } = await fresh();
      await storage.insert(storedFeedback(), [webhook()]);
      await storage.insert(storedFeedback(), [webhook()]);
      const now = Date.now();
      const [first, second] = await storage.claimOutgoing('webhook', { now, leaseMs: 60_000, limit: 10 });
      expect(await storage.settleOutgoing(first!, { state: 'retry', at: now + 5000, error: 'HTTP 503' })).toBe(true);
      expect(await storage.settleOutgoing(second!, { state: 'failed', error: 'HTTP 400' })).toBe(true);
      expect(await storage.claimOutgoing('webhook', { now: now + 4999, leaseMs: 60_000, limit: 10 })).toEqual([]);
      const retried = await storage.claimOutgoing('webhook', { now: now + 5000, leaseMs: 60_000, limit: 10 });
      expect(retried.map((m) => m.id)).toEqual([first!.id]);
      expect(await storage.settleOutgoing(retried[0]!, { state: 'sent' })).toBe(true);
      expect(await storage.claimOutgoing('webhook', { now: now + 10_000_000, leaseMs: 60_000, limit: 10 })).toEqual([]);
    });

    it('keeps a thread in order with notes marked, and a status history, visible to every instance', async () => {
      const { storage, openAgain } = await fresh();
      const record = storedFeedback({}, { followUpKeyHash: 'ab'.repeat(32) });
      await storage.insert(record);
      const other = await openAgain();
      const thread = [reply(), reply({ internal: true, body: 'Note: printer vendor called' }), reply({ author: 'you', body: 'Thanks!' })];
      for (const [i, r] of thread.entries()) expect(await (i % 2 ? other : storage).addReply(record.feedback.id, r)).toBe(true);
      expect(await storage.addReply(crypto.randomUUID(), reply())).toBe(false);
      expect(await other.setStatus(record.feedback.id, 'in-progress', 'bearer')).toBe(true);
      expect(await storage.setStatus(record.feedback.id, 'resolved', 'cookie')).toBe(true);
      const found = await other.get(record.feedback.id);
      expect(found).toMatchObject({ feedback: record.feedback, followUpKeyHash: 'ab'.repeat(32), status: 'resolved', replies: thread });
      expect(found!.history!.map(({ status, by }) => [status, by])).toEqual([['in-progress', 'bearer'], ['resolved', 'cookie']]);
      expect(Date.parse(found!.history![0]!.at)).toBeGreaterThan(Date.now() - 60_000);
      expect((await storage.list())[0]).toEqual(found);
      expect(await storage.get(crypto.randomUUID())).toBeUndefined();
      await storage.insert(storedFeedback({}, { spam: true }));
      expect((await storage.list({ spam: 'only' }))[0]!.replies).toEqual([]);
    });

    it('queues messages with a reply in the same write, and shows those that did not go through', async () => {
      const { storage } = await fresh();
      const record = storedFeedback();
      await storage.insert(record);
      await storage.addReply(record.feedback.id, reply(), [{ kind: 'mail', target: 'reply/1', payload: '{}' }]);
      await storage.addReply(record.feedback.id, reply(), [{ kind: 'mail', target: 'reply/2', payload: '{}' }]);
      expect(await storage.addReply(crypto.randomUUID(), reply(), [{ kind: 'mail', target: 'reply/3', payload: '{}' }])).toBe(false);
      const now = Date.now();
      const [first, second, ...rest] = await storage.claimOutgoing('mail', { now, leaseMs: 60_000, limit: 10 });
      expect(rest).toEqual([]);
      expect(await storage.deliveryProblems([record.feedback.id])).toEqual([]);
      await storage.settleOutgoing(first!, { state: 'retry', at: now + 60_000, error: 'connect ECONNREFUSED' });
      await storage.settleOutgoing(second!, { state: 'failed', error: '550 no such user' });
      const problems = await storage.deliveryProblems([record.feedback.id, crypto.randomUUID()]);
      expect(problems.map(({ target, state, error, attempts }) => [target, state, error, attempts]).sort()).toEqual([
        [first!.target, 'pending', 'connect ECONNREFUSED', 1],
        [second!.target, 'failed', '550 no such user', 1],
      ].sort());
    });

    it('removes a feedback with its thread and messages, and never stores that id again', async () => {
      const { storage, openAgain } = await fresh();
      const record = storedFeedback();
      const kept = storedFeedback();
      await storage.insert(record, [webhook()]);
      await storage.insert(kept, [webhook()]);
      await storage.addReply(record.feedback.id, reply(), [{ kind: 'mail', target: 'reply/1', payload: '{}' }]);
      await storage.setStatus(record.feedback.id, 'read');
      expect(await storage.remove(record.feedback.id)).toBe(true);
      expect(await storage.remove(record.feedback.id)).toBe(false);
      expect(await storage.get(record.feedback.id)).toBeUndefined();
      expect((await storage.list()).map((r) => r.feedback.id)).toEqual([kept.feedback.id]);
      const other = await openAgain();
      expect(await other.insert(structuredClone(record))).toBe(false);
      expect(await other.get(record.feedback.id)).toBeUndefined();
      const queued = [...(await storage.claimOutgoing('webhook', { now: Date.now(), leaseMs: 60_000, limit: 10 })), ...(await storage.claimOutgoing('mail', { now: Date.now(), leaseMs: 60_000, limit: 10 }))];
      expect(queued.map((m) => m.feedbackId)).toEqual([kept.feedback.id]);
    });

    it('finds what was received before a time, oldest first, and erases personal data of one item only', async () => {
      const { storage, openAgain } = await fresh();
      const older = storedFeedback({ user: { id: 'u1', name: 'Ada', email: 'ada@example.com', department: 'Finance' }, contact: { email: 'ada@example.com', mayContact: true } }, { identity: 'verified' });
      const old = storedFeedback({ message: 'Spam, old', }, { spam: true });
      const recent = storedFeedback({ user: { name: 'Bob' } });
      for (const record of [older, old, recent]) await storage.insert(record, [webhook()]);
      expect(await storage.receivedBefore(recent.receivedAt, { limit: 10 })).toEqual([older.feedback.id, old.feedback.id]);
      expect(await storage.receivedBefore(recent.receivedAt, { limit: 1 })).toEqual([older.feedback.id]);

      const { user: _, contact: __, ...rest } = older.feedback;
      const at = '2026-04-01T00:00:00.000Z';
      expect(await storage.erasePersonal(older.feedback.id, rest, at)).toBe(true);
      expect(await storage.erasePersonal(crypto.randomUUID(), rest, at)).toBe(false);
      // Erased once: another instance coming second does nothing, and records nothing.
      expect(await (await openAgain()).erasePersonal(older.feedback.id, rest, at, { at, action: 'erase-personal', feedbackId: older.feedback.id, by: 'retention', via: 'schedule' })).toBe(false);
      expect(await storage.audit()).toEqual([]);
      const erased = (await (await openAgain()).get(older.feedback.id))!;
      expect(erased.feedback).toEqual(rest);
      expect(erased.identity).toBeUndefined();
      expect(erased.personalErasedAt).toBe(at);
      expect((await storage.list({ department: 'Finance' })).length).toBe(0);
      expect(await storage.receivedBefore(recent.receivedAt, { limit: 10, personalKept: true })).toEqual([old.feedback.id]);
      // Its queued forward carried the address: gone. The neighbours' stay.
      const queued = await storage.claimOutgoing('webhook', { now: Date.now(), leaseMs: 60_000, limit: 10 });
      expect(queued.map((m) => m.feedbackId).sort()).toEqual([old.feedback.id, recent.feedback.id].sort());
      expect((await storage.get(recent.feedback.id))!.feedback.user).toEqual({ name: 'Bob' });
    });

    it('keeps an audit trail, newest first, per item or all, that outlives the item', async () => {
      const { storage, openAgain } = await fresh();
      const record = storedFeedback();
      await storage.insert(record);
      await storage.recordAudit({ at: '2026-04-01T10:00:00.000Z', action: 'status', feedbackId: record.feedback.id, by: 'alice', via: 'bearer', detail: 'resolved' });
      await storage.recordAudit({ at: '2026-04-01T10:01:00.000Z', action: 'export', by: 'admin', via: 'cookie', detail: '3 items' });
      await storage.remove(record.feedback.id);
      await storage.recordAudit({ at: '2026-04-01T10:02:00.000Z', action: 'delete', feedbackId: record.feedback.id, by: 'alice', via: 'bearer' });
      const other = await openAgain();
      expect((await other.audit()).map((e) => e.action)).toEqual(['delete', 'export', 'status']);
      expect((await other.audit())[1]).toEqual({ at: '2026-04-01T10:01:00.000Z', action: 'export', by: 'admin', via: 'cookie', detail: '3 items' });
      // Named by a hash once deleted: the id itself is not kept.
      const named = (await other.audit({ feedbackIds: [record.feedback.id] })).map(({ feedbackId, ...entry }) => ({ ...entry, byId: feedbackId === record.feedback.id }));
      expect(named).toEqual([
        { at: '2026-04-01T10:02:00.000Z', action: 'delete', by: 'alice', via: 'bearer', byId: false },
        { at: '2026-04-01T10:00:00.000Z', action: 'status', by: 'alice', via: 'bearer', detail: 'resolved', byId: false },
      ]);
      expect(JSON.stringify(await other.audit())).not.toContain(record.feedback.id);
      const kept = storedFeedback();
      await storage.insert(kept);
      await storage.recordAudit({ at: '2026-04-01T10:03:00.000Z', action: 'reply', feedbackId: kept.feedback.id, by: 'bob', via: 'cookie' });
      expect(await other.audit({ feedbackIds: [kept.feedback.id] })).toEqual([{ at: '2026-04-01T10:03:00.000Z', action: 'reply', feedbackId: kept.feedback.id, by: 'bob', via: 'cookie' }]);
      expect((await other.audit({ feedbackIds: [kept.feedback.id, record.feedback.id] })).map((e) => e.action)).toEqual(['reply', 'delete', 'status']);
      expect(await other.audit({ feedbackIds: [] })).toEqual([]);
      expect(await other.audit({ limit: 1 })).toHaveLength(1);
    });

    it('records the audit entry of a change with the change, and none when there was nothing to change', async () => {
      const { storage } = await fresh();
      const record = storedFeedback();
      await storage.insert(record);
      const id = record.feedback.id;
      const by = { by: 'alice', via: 'bearer' };
      expect(await storage.setStatus(id, 'read', 'alice', { at: '2026-04-01T10:00:00.000Z', action: 'status', feedbackId: id, detail: 'read', ...by })).toBe(true);
      expect(await storage.addReply(id, reply(), [], { at: '2026-04-01T10:01:00.000Z', action: 'reply', feedbackId: id, ...by })).toBe(true);
      const unknown = crypto.randomUUID();
      expect(await storage.setStatus(unknown, 'read', 'alice', { at: '2026-04-01T10:02:00.000Z', action: 'status', feedbackId: unknown, ...by })).toBe(false);
      expect(await storage.addReply(unknown, reply(), [], { at: '2026-04-01T10:02:00.000Z', action: 'reply', feedbackId: unknown, ...by })).toBe(false);
      expect(await storage.remove(unknown, { at: '2026-04-01T10:02:00.000Z', action: 'delete', feedbackId: unknown, ...by })).toBe(false);
      expect(await storage.remove(id, { at: '2026-04-01T10:03:00.000Z', action: 'delete', feedbackId: id, ...by })).toBe(true);
      const trail = await storage.audit();
      expect(trail.map((e) => [e.action, e.at])).toEqual([['delete', '2026-04-01T10:03:00.000Z'], ['reply', '2026-04-01T10:01:00.000Z'], ['status', '2026-04-01T10:00:00.000Z']]);
      expect(JSON.stringify(trail)).not.toContain(id);
      expect(await storage.audit({ feedbackIds: [id] })).toHaveLength(3);
    });

    it('lists the threads of one verified person, by user id: not unverified, not spam, not another person’s, not removed', async () => {
      const { storage, openAgain } = await fresh();
      const ada = { id: 'u-ada', name: 'Ada', department: 'IT' };
      const older = storedFeedback({ user: ada, audience: 'internal' }, { identity: 'verified' });
      const newer = storedFeedback({ user: ada, audience: 'internal' }, { identity: 'verified' });
      const unverified = storedFeedback({ user: ada }, { identity: 'unverified' });
      const spam = storedFeedback({ user: ada }, { identity: 'verified', spam: true });
      const other = storedFeedback({ user: { id: 'u-bob' } }, { identity: 'verified' });
      const removed = storedFeedback({ user: ada }, { identity: 'verified' });
      const anonymous = storedFeedback({ anonymous: true });
      for (const record of [older, newer, unverified, spam, other, removed, anonymous]) await storage.insert(record);
      await storage.remove(removed.feedback.id);
      const note = reply({ internal: true });
      await storage.addReply(older.feedback.id, reply({ body: 'On its way' }));
      await storage.addReply(older.feedback.id, note);
      const threads = await (await openAgain()).listVerifiedByUser('u-ada');
      expect(threads.map((t) => t.feedback.id)).toEqual([newer.feedback.id, older.feedback.id]);
      expect(threads[1]!.replies!.map((r) => [r.body, r.internal])).toEqual([['On its way', false], [note.body, true]]);
      expect(threads[1]!.identity).toBe('verified');
      expect(await storage.listVerifiedByUser('u-nobody')).toEqual([]);
      // A user id is matched whole, never as a pattern.
      expect(await storage.listVerifiedByUser('u-%')).toEqual([]);
    });

    it('answers a health check', async () => {
      const { storage } = await fresh();
      await expect(storage.ping()).resolves.toBeUndefined();
    });
  });
}
