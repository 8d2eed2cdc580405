import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.js';

/** A write that answers each item doubled, and finishes a batch only when the test says so. */
function controlledWrite() {
  const batches: { items: readonly number[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const write = (items: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => batches.push({ items, finish: () => resolve(items.map((n) => n * 2)), fail: reject }));
  return { batches, write };
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes the items of one turn as one batch', async () => {
    const { batches, write } = controlledWrite();
    const group = createGroupCommit(write);
    const results = [group.add(1), group.add(2), group.add(3)];
    await nextTurn();
    expect(batches.map((b) => b.items)).toEqual([[1, 2, 3]]);
    batches[0]!.finish();
    expect(await Promise.all(results)).toEqual([2, 4, 6]);
  });

  it('keeps what arrives while a batch is in flight waiting, then writes it together in the next batch', async () => {
    const { batches, write } = controlledWrite();
    const group = createGroupCommit(write);
    const first = group.add(1);
    await nextTurn();
    const later = [group.add(2)];
    await nextTurn();
    later.push(group.add(3));
    await nextTurn();
    // The first batch is still being written: nothing else is sent.
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    batches[0]!.finish();
    expect(await first).toBe(2);
    await nextTurn();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3]]);
    batches[1]!.finish();
    expect(await Promise.all(later)).toEqual([4, 6]);
  });

  it('fails the items of a failed batch and no others', async () => {
    const { batches, write } = controlledWrite();
    const group = createGroupCommit(write);
    const first = group.add(1).catch((error: Error) => error.message);
    await nextTurn();
    const second = group.add(2);
    batches[0]!.fail(new Error('connection lost'));
    expect(await first).toBe('connection lost');
    await nextTurn();
    batches[1]!.finish();
    expect(await second).toBe(4);
  });

  it('writes up to the given number of batches at once', async () => {
    const { batches, write } = controlledWrite();
    const group = createGroupCommit(write, 2);
    void group.add(1);
    await nextTurn();
    void group.add(2);
    await nextTurn();
    void group.add(3);
    await nextTurn();
    expect(batches.map((b) => b.items)).toEqual([[1], [2]]);
    batches[1]!.finish();
    await nextTurn();
    await nextTurn();
    expect(batches.map((b) => b.items)).toEqual([[1], [2], [3]]);
  });

  it('is idle only once nothing waits or is being written', async () => {
    const { batches, write } = controlledWrite();
    const group = createGroupCommit(write);
    await group.idle();
    void group.add(1);
    let idle = false;
    const whenIdle = group.idle().then(() => (idle = true));
    await nextTurn();
    void group.add(2);
    await nextTurn();
    batches[0]!.finish();
    await nextTurn();
    await nextTurn();
    expect(idle).toBe(false);
    batches[1]!.finish();
    await whenIdle;
    expect(idle).toBe(true);
  });
});
