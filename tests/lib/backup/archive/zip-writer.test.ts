// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../lib/backup/archive/stored-read';
import { ZipBlobWriter } from '../../../../lib/backup/archive/zip-writer';
import { BlobReader, ZIP_OPTIONS, ZipReader } from '../../../../lib/backup/archive/zip';
import { unzip } from './zip-edit';

const NOW = new Date('2026-11-22T10:15:42.000Z');
const bytesOf = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * seed) % 251);
const text = (s: string) => new TextEncoder().encode(s);

/** An archive of a stored image, a deflated text and a second stored file. */
async function sample(limits?: { bytes: number; entries: number }) {
  const zip = new ZipBlobWriter(NOW, limits);
  const image = bytesOf(5_000, 7);
  zip.addStored('evidence/a%2Fb.jpg', new Blob([image]), crc32(image));
  const lines = text('{"id":"t1"}\n'.repeat(2_000));
  await zip.addDeflated('records/touchpoints.jsonl', new Blob([lines]));
  const other = bytesOf(300, 13);
  zip.addStored('evidence/c.png', new Blob([other]), crc32(other));
  return { blob: zip.close('application/zip'), image, lines, other };
}

describe('ZipBlobWriter', () => {
  it.each([
    ['a classic ZIP', undefined],
    // Limits this small make every offset, size and count past them take the ZIP64 fields.
    ['ZIP64 fields for sizes, offsets and the entry count', { bytes: 1_000, entries: 2 }],
  ])('writes %s that a ZIP reader opens, checksums and reads back', async (_, limits) => {
    const { blob, image, lines, other } = await sample(limits);
    const files = await unzip(blob);
    expect([...files.keys()]).toEqual([
      'evidence/a%2Fb.jpg',
      'records/touchpoints.jsonl',
      'evidence/c.png',
    ]);
    expect(files.get('evidence/a%2Fb.jpg')).toEqual(image);
    expect(files.get('records/touchpoints.jsonl')).toEqual(lines);
    expect(files.get('evidence/c.png')).toEqual(other);
  });

  it('stores images as they are and deflates the records, dated with the export time', async () => {
    const { blob, image, lines } = await sample();
    const zip = new ZipReader(new BlobReader(blob), ZIP_OPTIONS);
    const entries = await zip.getEntries();
    await zip.close();
    const [stored, deflated] = entries;
    expect(stored!.compressionMethod).toBe(0);
    expect(stored!.compressedSize).toBe(image.length);
    expect(deflated!.compressionMethod).toBe(8);
    expect(deflated!.compressedSize).toBeLessThan(lines.length / 20);
    // MS-DOS times keep even seconds.
    expect(stored!.lastModDate.toISOString().slice(0, 10)).toBe('2026-11-22');
  });

  it('takes a CRC-32 piece by piece as it does whole', () => {
    const all = bytesOf(10_001, 3);
    expect(crc32(all.subarray(4_099), crc32(all.subarray(0, 4_099)))).toBe(crc32(all));
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });
});
