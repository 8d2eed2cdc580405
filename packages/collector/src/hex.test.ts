import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './hex.js';

describe('hex', () => {
  it('writes two lowercase digits per byte and reads them back in either case', () => {
    const bytes = new Uint8Array([0, 1, 15, 16, 171, 255]);
    expect(toHex(bytes)).toBe('00010f10abff');
    expect(toHex(bytes.buffer)).toBe('00010f10abff');
    expect(fromHex('00010F10ABff')).toEqual(bytes);
  });

  it.each(['abc', 'zz', '0x12', ' 12'])('reads %j as no bytes', (text) => {
    expect(fromHex(text)).toBeUndefined();
  });
});
