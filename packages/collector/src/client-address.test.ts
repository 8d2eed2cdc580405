import { describe, expect, it } from 'vitest';
import { forwardedAddress } from './client-address.js';

describe('forwardedAddress', () => {
  it('takes the Nth address from the right, as N trusted proxies appended them', () => {
    expect(forwardedAddress('198.51.100.9, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(forwardedAddress('198.51.100.9, 203.0.113.7', 2)).toBe('198.51.100.9');
    expect(forwardedAddress('spoofed, 198.51.100.9,203.0.113.7', 2)).toBe('198.51.100.9');
  });

  it('reads IPv6 and addresses with a port, without the port', () => {
    expect(forwardedAddress('2001:DB8::1', 1)).toBe('2001:db8::1');
    expect(forwardedAddress('[2001:db8::1]:5133', 1)).toBe('2001:db8::1');
    expect(forwardedAddress('203.0.113.7:5133', 1)).toBe('203.0.113.7');
    expect(forwardedAddress('::ffff:203.0.113.7', 1)).toBe('::ffff:203.0.113.7');
  });

  it.each([
    [null, 1],
    ['203.0.113.7', 0],
    ['203.0.113.7', 2],
    ['unknown', 1],
    ['203.0.113.7, not-an-address', 1],
    ['999.1.1.1', 1],
    ['', 1],
    ['203.0.113.7,', 1],
  ] as const)('gives nothing to trust for %j with %i hops', (header, hops) => {
    expect(forwardedAddress(header, hops)).toBeUndefined();
  });
});
