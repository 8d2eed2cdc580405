import { afterEach, describe, expect, it, vi } from 'vitest';
import { createId } from './id.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes v4 UUIDs', () => {
    expect(createId()).toMatch(V4);
  });

  it('makes distinct v4 UUIDs without crypto.randomUUID (plain-http intranet pages)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array<ArrayBuffer>) => real.getRandomValues(array) });
    const ids = Array.from({ length: 200 }, createId);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(200);
  });
});
