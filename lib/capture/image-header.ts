/** The image types evidence may have: what a browser shows in an `<img>` and nothing else. */
export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** One of {@link IMAGE_MIMES}. */
export type ImageMime = (typeof IMAGE_MIMES)[number];

/** What an image file's first bytes say it is. */
export interface ImageHeader {
  mime: ImageMime;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ascii = (b: Uint8Array, at: number, text: string): boolean =>
  at + text.length <= b.length && [...text].every((c, i) => b[at + i] === c.charCodeAt(0));
const u16be = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const u24le = (b: Uint8Array, at: number): number =>
  b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

function png(b: Uint8Array): ImageHeader | null {
  // The IHDR chunk comes first: length 13, type, width, height (big-endian).
  if (b.length < 24 || u32be(b, 8) !== 13 || !ascii(b, 12, 'IHDR')) return null;
  return { mime: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): not DHT/JPG/DAC. */
const isStartOfFrame = (m: number): boolean =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpeg(b: Uint8Array): ImageHeader | null {
  let at = 2;
  // Walks the marker segments by their lengths until the frame header; bounded by the bytes.
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or scan data before any frame
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > b.length) return null;
      return { mime: 'image/jpeg', height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array): ImageHeader | null {
  if (ascii(b, 12, 'VP8 ') && b.length >= 30) {
    // Lossy: a key frame's start code, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return {
      mime: 'image/webp',
      width: (b[26]! | (b[27]! << 8)) & 0x3fff,
      height: (b[28]! | (b[29]! << 8)) & 0x3fff,
    };
  }
  if (ascii(b, 12, 'VP8L') && b.length >= 25) {
    // Lossless: signature 0x2f, then width − 1 and height − 1 in 14 bits each.
    if (b[20] !== 0x2f) return null;
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { mime: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8X') && b.length >= 30) {
    // Extended: the canvas size, width − 1 and height − 1 in 24 bits each.
    return { mime: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

/**
 * The type and size in pixels of a JPEG, PNG or WebP image, read from its bytes (the PNG IHDR
 * chunk, the JPEG frame header, the WebP VP8/VP8L/VP8X header), never from a declared type or
 * file name. Null for anything else, or an image whose header is cut short or has no size.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  let header: ImageHeader | null = null;
  if (PNG_SIGNATURE.every((x, i) => bytes[i] === x)) header = png(bytes);
  else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) header = jpeg(bytes);
  else if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) header = webp(bytes);
  return header && header.width > 0 && header.height > 0 ? header : null;
}

/** What some bytes that are not a JPEG, PNG or WebP image look like, for messages. */
export function describeNonImage(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^[\uFEFF\s]+/, '')
    .toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'SVG';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'HTML';
  if (head.startsWith('<')) return 'XML or HTML';
  if (head.startsWith('%pdf')) return 'PDF';
  if (head.startsWith('gif8')) return 'GIF';
  if (PNG_SIGNATURE.every((x, i) => bytes[i] === x)) return 'a damaged PNG';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'a damaged JPEG';
  if (ascii(bytes, 0, 'RIFF')) return 'a damaged or unknown RIFF file';
  return bytes.length === 0 ? 'empty' : 'of an unknown type';
}

/** Where a PNG ends: just after its IEND chunk (length, type, data, CRC), walked chunk by chunk. */
function pngEnd(b: Uint8Array): number | null {
  let at = 8;
  while (at + 12 <= b.length) {
    const next = at + 12 + u32be(b, at);
    if (ascii(b, at + 4, 'IEND')) return next <= b.length ? next : null;
    at = next;
  }
  return null;
}

/**
 * Where a JPEG ends: just after its EOI marker, found by walking the marker segments by their
 * lengths and, after each start of scan, the entropy-coded data (where `FF 00` is a data byte
 * and `FF D0`–`FF D7` restart markers), so an EOI inside metadata or a thumbnail is skipped.
 */
function jpegEnd(b: Uint8Array): number | null {
  let at = 2;
  while (at + 2 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9) return at + 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) return null;
    at += 2 + u16be(b, at + 2);
    if (marker !== 0xda) continue;
    // Scan data runs until a marker that is neither a stuffed byte nor a restart.
    while (at + 1 < b.length) {
      const next = b[at + 1]!;
      if (b[at] === 0xff && next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
      at += 1;
    }
  }
  return null;
}

/** Where a WebP ends: the RIFF header's length (plus the pad byte of an odd one). */
function webpEnd(b: Uint8Array): number | null {
  if (b.length < 12) return null;
  const size = (b[4]! | (b[5]! << 8) | (b[6]! << 16)) + b[7]! * 0x1000000;
  return 8 + size + (size & 1);
}

/**
 * How many bytes of `bytes` come after the end of its image (past the JPEG EOI marker, the PNG
 * IEND chunk, the length in the WebP RIFF header): 0 for a clean file, the whole rest when no
 * end can be found (a file cut short counts as carrying something). Another file or a payload
 * appended to an image rides there, unseen by any viewer.
 */
export function bytesPastEnd(bytes: Uint8Array, mime: ImageMime): number {
  const end =
    mime === 'image/png' ? pngEnd(bytes) : mime === 'image/jpeg' ? jpegEnd(bytes) : webpEnd(bytes);
  return end === null || end > bytes.length ? bytes.length : bytes.length - end;
}
