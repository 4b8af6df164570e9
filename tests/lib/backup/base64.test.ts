import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  base64ToBytesPortable,
  bytesToBase64,
  bytesToBase64Portable,
} from '@/lib/backup/base64';

/** Sizes around the encoder's and decoder's slices (49,152 bytes, 65,536 characters). */
const SIZES = [0, 1, 2, 3, 4, 5, 4095, 4096, 4097, 49_151, 49_152, 49_153, 65_536, 200_003];

const random = (n: number) => {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 7919 + (i >> 3) * 31) & 0xff;
  return bytes;
};

describe('base64 of screenshots', () => {
  it.each(SIZES)('encodes and decodes %i bytes as the standard (RFC 4648) padded form', (n) => {
    const bytes = random(n);
    const expected = Buffer.from(bytes).toString('base64');
    expect(bytesToBase64(bytes)).toBe(expected);
    expect(bytesToBase64Portable(bytes)).toBe(expected);
    expect(Buffer.from(base64ToBytes(expected)).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(base64ToBytesPortable(expected)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('uses the engine’s own base64 where it has one, with the same result', () => {
    const bytes = random(1000);
    const proto = Uint8Array.prototype as unknown as { toBase64?: () => string };
    const had = Object.getOwnPropertyDescriptor(proto, 'toBase64');
    let calls = 0;
    proto.toBase64 = function (this: Uint8Array) {
      calls += 1;
      return Buffer.from(this).toString('base64');
    };
    try {
      expect(bytesToBase64(bytes)).toBe(bytesToBase64Portable(bytes));
      expect(calls).toBe(1);
    } finally {
      if (had) Object.defineProperty(proto, 'toBase64', had);
      else delete proto.toBase64;
    }
  });
});
