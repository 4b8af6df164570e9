import { createHash, randomFillSync } from 'node:crypto';
import { JPEG_3X2, PNG_3X2 } from '../../tests/fixtures/images';

/** The screenshot each record of the sync bench carries. */
export interface BenchImage {
  mime: 'image/png' | 'image/jpeg';
  base64: string;
  bytes: number;
  sha256: string;
}

/**
 * The fixtures' 3 × 2 PNG (70 bytes: the figure is then the cost per record), or with
 * `TPA_SYNC_IMAGE_KB` a real 3 × 2 JPEG padded to that many KB with APP15 segments of random
 * data (a real screenshot is 50–200 KB): a valid image the import's checks accept, which no
 * compression shrinks.
 */
export function benchImage(): BenchImage {
  const kb = Number(process.env.TPA_SYNC_IMAGE_KB ?? 0);
  const bytes = kb > 0 ? paddedJpeg(kb * 1024) : Buffer.from(PNG_3X2, 'base64');
  return {
    mime: kb > 0 ? 'image/jpeg' : 'image/png',
    base64: bytes.toString('base64'),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function paddedJpeg(size: number): Buffer {
  const base = Buffer.from(JPEG_3X2, 'base64');
  const out = Buffer.alloc(size);
  base.copy(out, 0, 0, 2); // SOI
  let at = 2;
  // Segments of at most 65,535 bytes (their length field counts itself), then the image.
  for (let room = size - base.length; room >= 4;) {
    const length = Math.min(65_535, room - 2);
    out[at] = 0xff;
    out[at + 1] = 0xef;
    out.writeUInt16BE(length, at + 2);
    randomFillSync(out, at + 4, length - 2);
    at += 2 + length;
    room -= 2 + length;
  }
  base.copy(out, at, 2);
  return out.subarray(0, at + base.length - 2);
}
