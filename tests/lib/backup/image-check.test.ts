// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkEvidenceImages,
  checkImageBytes,
  MAX_EVIDENCE_BYTES,
  sanitizeImage,
} from '../../../lib/backup';
import type { Reencode } from '../../../lib/capture/reencode';
import { HTML, JPEG_3X2, PNG_3X2, SVG, WEBP_VP8L_3X2 } from '../../fixtures/images';
import { evidence } from './fixtures';
import { said, saidResult } from './said';

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A PNG header claiming `width` × `height` (enough for the checks before decoding). */
function pngClaiming(width: number, height: number): Uint8Array<ArrayBuffer> {
  const b = bytes(PNG_3X2);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

/** An image with a payload after its end marker (a PDF riding along). */
const withPayload = (b64: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array([...bytes(b64), ...new TextEncoder().encode('%PDF-1.7 rides along')]);

/** A stand-in canvas: "re-encodes" any image as the given bytes. */
const reencodeAs =
  (out: string): Reencode =>
  async () =>
    new Blob([bytes(out)]);

describe('checkImageBytes', () => {
  it.each<[string, Uint8Array, string]>([
    ['SVG', bytes(SVG), 'backup.image.not-an-image'],
    ['HTML', bytes(HTML), 'backup.image.not-an-image'],
    ['a 20,000 × 20,000 PNG header', pngClaiming(20_000, 20_000), 'backup.image.too-many-pixels'],
    [
      'a 16,384 × 16,384 PNG header (268 Mpx)',
      pngClaiming(16_384, 16_384),
      'backup.image.too-many-pixels',
    ],
    ['one byte over the limit', new Uint8Array(MAX_EVIDENCE_BYTES + 1), 'backup.image.too-large'],
  ])('refuses %s', (_name, b, code) => {
    const result = checkImageBytes(b);
    expect(result.ok || result.error.code).toBe(code);
  });

  it('takes an 8192 × 8192 PNG header', () => {
    expect(checkImageBytes(pngClaiming(8192, 8192)).ok).toBe(true);
  });
});

describe('sanitizeImage', () => {
  it('without a canvas: checks the bytes and keeps them, with the hash and size they give', async () => {
    const png = bytes(PNG_3X2);
    expect(await sanitizeImage(png)).toEqual({
      ok: true,
      value: { bytes: png, mime: 'image/png', width: 3, height: 2, sha256: sha(png) },
    });
  });

  it.each([
    ['PNG', PNG_3X2],
    ['JPEG', JPEG_3X2],
    ['WebP', WEBP_VP8L_3X2],
  ])('with a canvas: keeps a clean %s byte for byte (nothing after its end)', async (_n, b64) => {
    let asked = 0;
    const reencode: Reencode = async () => {
      asked++;
      return new Blob([bytes(PNG_3X2)]);
    };
    const result = await sanitizeImage(bytes(b64), reencode);
    expect(asked).toBe(0);
    expect(result.ok && result.value.bytes).toEqual(bytes(b64));
    expect(result.ok && result.value.sha256).toBe(sha(bytes(b64)));
  });

  it('with a canvas: re-encodes an image carrying bytes after its end, described by its own bytes', async () => {
    const result = await sanitizeImage(withPayload(PNG_3X2), reencodeAs(WEBP_VP8L_3X2));
    expect(result.ok && { ...result.value, bytes: undefined }).toEqual({
      bytes: undefined,
      mime: 'image/webp',
      width: 3,
      height: 2,
      sha256: sha(bytes(WEBP_VP8L_3X2)),
    });
  });

  it('re-encodes a PNG that came out over the limit as JPEG', async () => {
    const asked: string[] = [];
    const reencode: Reencode = async (_b, mime) => {
      asked.push(mime);
      return mime === 'image/png' ? new Blob([new Uint8Array(2048)]) : new Blob([bytes(JPEG_3X2)]);
    };
    const result = await sanitizeImage(withPayload(PNG_3X2), reencode, 1024);
    expect(asked).toEqual(['image/png', 'image/jpeg']);
    expect(result.ok && result.value.mime).toBe('image/jpeg');
  });

  it('refuses an image the canvas cannot decode', async () => {
    const reencode: Reencode = () =>
      Promise.reject(new DOMException('bad image', 'InvalidStateError'));
    expect(await sanitizeImage(withPayload(PNG_3X2), reencode)).toEqual({
      ok: false,
      error: { code: 'backup.image.undecodable', params: { reason: 'bad image' } },
    });
  });
});

describe('checkEvidenceImages', () => {
  it('repairs a forged hash and says so; size and type come from the bytes', async () => {
    const forged = {
      ...evidence('ev-1', 'tp-1'),
      sha256: 'c0ffee'.padEnd(64, '0'),
      width: 9999,
      height: 1,
    };
    const result = await checkEvidenceImages([
      evidence('ev-0', 'tp-1', JPEG_3X2, 'image/jpeg'),
      forged,
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.images.get('ev-1')).toMatchObject({
      width: 3,
      height: 2,
      sha256: sha(bytes(PNG_3X2)),
    });
    expect(result.value.notes.map(said)).toEqual([
      {
        path: 'evidence[1].sha256',
        message: expect.stringMatching(
          /^the file's hash c0ffee.* does not match its image .*; recomputed$/,
        ),
      },
    ]);
  });

  it.each([
    ['SVG bytes called a PNG', SVG, /^not a JPEG, PNG or WebP image \(the bytes are SVG\)$/],
    ['HTML bytes called a PNG', HTML, /the bytes are HTML/],
  ])('refuses %s, with its path', async (_name, b64, message) => {
    const result = await checkEvidenceImages([
      evidence('ev-0', 'tp-1'),
      evidence('ev-1', 'tp-1', b64),
    ]);
    expect(saidResult(result)).toEqual({
      ok: false,
      error: { path: 'evidence[1].dataBase64', message: expect.stringMatching(message) },
    });
  });
});
