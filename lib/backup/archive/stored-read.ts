import { yieldToEventLoop } from '../../util/event-loop';
import type { FileEntry } from './zip';

/** The signature that opens a ZIP local file header ("PK\3\4", little-endian). */
const LOCAL_HEADER = 0x04034b50;
/** The fixed part of a local file header, before its file name and extra field. */
const LOCAL_HEADER_BYTES = 30;

/** Bytes checksummed between two pauses for the event loop. */
const YIELD_BYTES = 4 * 1024 * 1024;

/** A stored entry's bytes could not be read as the ZIP says (bad header, wrong CRC-32). */
export class StoredEntryError extends Error {}

/**
 * Where every entry of an archive ends at the latest: the offset of the entry after it in the
 * file, or the archive's size for the last (its central directory comes after the data).
 */
export function entryLimits(
  entries: Iterable<FileEntry>,
  archiveSize: number,
): Map<FileEntry, number> {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  return new Map(sorted.map((e, i) => [e, sorted[i + 1]?.offset ?? archiveSize]));
}

/** Whether an entry's bytes are in the file as they are: stored (method 0), not encrypted. */
export const isStoredPlain = (entry: FileEntry): boolean =>
  entry.compressionMethod === 0 && !entry.encrypted;

/**
 * The bytes of several stored entries that lie one after another in the archive, read with
 * ONE slice of the file (each slice of a Blob is a round trip to the browser, which costs more
 * than the bytes for screenshots of 150 KB), each checked against its local header and its
 * CRC-32 from the central directory. `limits` from `entryLimits`.
 */
export async function readStoredRun(
  archive: Blob,
  run: readonly FileEntry[],
  limits: ReadonlyMap<FileEntry, number>,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const start = Math.min(...run.map((e) => e.offset));
  const end = Math.max(...run.map((e) => limits.get(e) ?? archive.size));
  const bytes = new Uint8Array(await archive.slice(start, end).arrayBuffer());
  const view = new DataView(bytes.buffer);
  const out: Uint8Array<ArrayBuffer>[] = [];
  let sinceYield = 0;
  for (const entry of run) {
    const at = entry.offset - start;
    if (at + LOCAL_HEADER_BYTES > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
      throw new StoredEntryError('Local file header not found');
    }
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const from = at + LOCAL_HEADER_BYTES + nameLength + extraLength;
    const to = from + entry.compressedSize;
    if (to > bytes.length || entry.compressedSize !== entry.uncompressedSize) {
      throw new StoredEntryError('Invalid uncompressed size');
    }
    // A copy: each image becomes its own Blob; a view would keep the whole run alive.
    const data = bytes.slice(from, to);
    if (crc32(data) !== entry.crc32) throw new StoredEntryError('Invalid CRC32');
    out.push(data);
    // The checksums run on this thread: a pause every few MB keeps the page live.
    sinceYield += data.length;
    if (sinceYield >= YIELD_BYTES) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  return out;
}

let table: Int32Array | undefined;

/**
 * The CRC-32 (ZIP's, polynomial 0xEDB88320) of `bytes`, unsigned; `before`, the CRC-32 of the
 * bytes that came before them, to checksum a stream piece by piece.
 */
export function crc32(bytes: Uint8Array, before = 0): number {
  if (!table) {
    table = new Int32Array(256 * 4);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    // Slicing by 4: tables for the next three bytes, four bytes per step.
    for (let n = 0; n < 256; n++) {
      for (let s = 1; s < 4; s++) {
        const prev = table[(s - 1) * 256 + n]!;
        table[s * 256 + n] = (prev >>> 8) ^ table[prev & 0xff]!;
      }
    }
  }
  const t = table;
  let c = ~before;
  let i = 0;
  const n = bytes.length;
  for (; i + 4 <= n; i += 4) {
    c ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    c =
      t[768 + (c & 0xff)]! ^
      t[512 + ((c >>> 8) & 0xff)]! ^
      t[256 + ((c >>> 16) & 0xff)]! ^
      t[c >>> 24]!;
  }
  for (; i < n; i++) c = (c >>> 8) ^ t[(c ^ bytes[i]!) & 0xff]!;
  return ~c >>> 0;
}
