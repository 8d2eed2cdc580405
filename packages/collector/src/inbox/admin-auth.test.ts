import { describe, expect, it } from 'vitest';
import { createHandler } from '../handler.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { labelledTokens } from './admin-auth.js';

describe('labelledTokens', () => {
  it('names each token after its owner, the admin first', () => {
    expect(labelledTokens('ADMIN-SECRET', { alice: 'ALICE-SECRET', bob: 'BOB-SECRET' })).toEqual([
      { label: 'admin', token: 'ADMIN-SECRET' },
      { label: 'alice', token: 'ALICE-SECRET' },
      { label: 'bob', token: 'BOB-SECRET' },
    ]);
  });

  it('refuses one token under two names, so that the audit trail can always name who acted', () => {
    expect(() => labelledTokens('SHARED', { alice: 'SHARED' })).toThrow('"admin" and "alice" share a token: each needs one of their own');
    expect(() => labelledTokens(undefined, { alice: 'SHARED', bob: 'OWN', carol: 'SHARED' })).toThrow('"alice" and "carol" share a token');
  });

  it('createHandler says so at once, before any request', () => {
    expect(() => createHandler({ storage: createMemoryStorage(), adminToken: 'SHARED', teamTokens: { alice: 'SHARED' } })).toThrow(TypeError);
  });
});
