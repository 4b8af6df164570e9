import { describe, expect, it } from 'vitest';
import {
  bytesPastEnd,
  describeNonImage,
  readImageHeader,
  type ImageMime,
} from '../../../lib/capture/image-header';
import {
  HTML,
  JPEG_3X2,
  PNG_3X2,
  SVG,
  WEBP_VP8_3X2,
  WEBP_VP8L_3X2,
  WEBP_VP8X_3X2,
} from '../../fixtures/images';

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
const text = (s: string) => new TextEncoder().encode(s);

/** A JPEG whose frame header comes after an APP1 segment of `pad` bytes. */
function jpegWithApp1(pad: number, width: number, height: number): Uint8Array {
  const app1 = [0xff, 0xe1, (pad + 2) >> 8, (pad + 2) & 0xff, ...new Array<number>(pad).fill(0)];
  const sof = [0xff, 0xc2, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1];
  return new Uint8Array([0xff, 0xd8, ...app1, ...sof, 0xff, 0xd9]);
}

describe('readImageHeader', () => {
  it.each([
    ['PNG (IHDR)', PNG_3X2, 'image/png'],
    ['JPEG (SOF0 after APP0 and ICC)', JPEG_3X2, 'image/jpeg'],
    ['WebP VP8X', WEBP_VP8X_3X2, 'image/webp'],
    ['WebP VP8 (lossy)', WEBP_VP8_3X2, 'image/webp'],
    ['WebP VP8L (lossless)', WEBP_VP8L_3X2, 'image/webp'],
  ])('%s: type and size from the bytes', (_name, b64, mime) => {
    expect(readImageHeader(bytes(b64))).toEqual({ mime, width: 3, height: 2 });
  });

  it('reads a progressive JPEG frame after a large metadata segment', () => {
    expect(readImageHeader(jpegWithApp1(60_000, 4000, 3000))).toEqual({
      mime: 'image/jpeg',
      width: 4000,
      height: 3000,
    });
  });

  it.each<[string, Uint8Array]>([
    ['SVG', bytes(SVG)],
    ['HTML', bytes(HTML)],
    ['empty', new Uint8Array()],
    ['GIF', text('GIF89a\u0001\u0000\u0001\u0000')],
    ['a PNG signature alone', bytes(PNG_3X2).subarray(0, 8)],
    ['a PNG cut inside IHDR', bytes(PNG_3X2).subarray(0, 20)],
    ['a JPEG cut before its frame', bytes(JPEG_3X2).subarray(0, 100)],
    ['a JPEG with scan data before any frame', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2])],
    ['a JPEG segment of length 0', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0])],
    ['a JPEG of height 0', jpegWithApp1(0, 3, 0)],
    ['a RIFF that is not WebP', text('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')],
    ['a WebP VP8 without its start code', bytes(WEBP_VP8_3X2).map((b, i) => (i === 23 ? 0 : b))],
    ['a WebP cut after its chunk name', bytes(WEBP_VP8X_3X2).subarray(0, 20)],
  ])('%s: not an image', (_name, b) => {
    expect(readImageHeader(b)).toBeNull();
  });

  it('never reads past the bytes of a JPEG whose segment lengths run off the end', () => {
    const b = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0xff]);
    expect(readImageHeader(b)).toBeNull();
  });
});

describe('describeNonImage', () => {
  it.each<[string, Uint8Array, string]>([
    ['SVG', bytes(SVG), 'SVG'],
    ['SVG with an XML declaration', text('<?xml version="1.0"?>\n<svg/>'), 'SVG'],
    ['HTML', bytes(HTML), 'HTML'],
    ['PDF', text('%PDF-1.7'), 'PDF'],
    ['empty', new Uint8Array(), 'empty'],
    ['anything else', new Uint8Array([1, 2, 3]), 'of an unknown type'],
  ])('%s', (_name, b, expected) => {
    expect(describeNonImage(b)).toBe(expected);
  });
});

describe('bytesPastEnd', () => {
  const img = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
  const plus = (b: Uint8Array, extra: Uint8Array) => new Uint8Array([...b, ...extra]);
  const payload = new TextEncoder().encode('%PDF-1.7 hidden');
  const images: [string, string, ImageMime][] = [
    ['PNG', PNG_3X2, 'image/png'],
    ['JPEG', JPEG_3X2, 'image/jpeg'],
    ['WebP (VP8)', WEBP_VP8_3X2, 'image/webp'],
    ['WebP (VP8L)', WEBP_VP8L_3X2, 'image/webp'],
    ['WebP (VP8X)', WEBP_VP8X_3X2, 'image/webp'],
  ];

  it.each(images)('a clean %s: nothing past its end', (_name, b64, mime) => {
    expect(bytesPastEnd(img(b64), mime)).toBe(0);
  });

  it.each(images)('a %s with a payload appended: the payload', (_name, b64, mime) => {
    expect(bytesPastEnd(plus(img(b64), payload), mime)).toBe(payload.length);
  });

  it('a JPEG followed by a second JPEG: the second one', () => {
    const jpeg = img(JPEG_3X2);
    expect(bytesPastEnd(plus(jpeg, jpeg), 'image/jpeg')).toBe(jpeg.length);
  });

  it.each(images)('a %s cut short: all of it counts', (_name, b64, mime) => {
    const cut = img(b64).subarray(0, img(b64).length - 3);
    expect(bytesPastEnd(cut, mime)).toBe(cut.length);
  });
});
