import { crc32 } from './stored-read';

/** 0xFFFFFFFF and 0xFFFF: a classic field at its top says "look in the ZIP64 record". */
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;

/** Where ZIP64 starts (the format's limits; smaller in tests, to write ZIP64 archives small). */
export interface ZipLimits {
  bytes: number;
  entries: number;
}
const ZIP_LIMITS: ZipLimits = { bytes: MAX32, entries: MAX16 };

/** MS-DOS time and date of `d` (UTC: the archive's times are ISO UTC elsewhere). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

interface Written {
  name: Uint8Array<ArrayBuffer>;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * Writes a ZIP as a Blob of Blobs, for the backup archive: each entry's bytes go in as the Blob
 * they already are (a stored screenshot's Blob from IndexedDB is not copied into the JS heap;
 * only its CRC-32 needs its bytes), so the heap holds the headers alone. Stored entries take
 * the CRC-32 their caller computed; deflated ones are compressed with the browser's
 * `CompressionStream` into a Blob first, so every local header carries its sizes and no data
 * descriptor follows. ZIP64 fields are written where sizes, offsets or the number of entries
 * pass the classic format's limits.
 */
export class ZipBlobWriter {
  private readonly parts: Blob[] = [];
  private readonly central: Written[] = [];
  private offset = 0;
  private readonly stamp: { time: number; date: number };

  constructor(
    modified: Date,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    this.stamp = dosTime(modified);
  }

  /** Adds `data` as it is (stored) under `name`; `crc` is its CRC-32. */
  addStored(name: string, data: Blob, crc: number): void {
    this.addEntry(name, STORED, crc, data, data.size);
  }

  /** Adds `data` deflated under `name`, its CRC-32 taken as it is compressed. */
  async addDeflated(name: string, data: Blob): Promise<void> {
    let crc = 0;
    const checksum = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        crc = crc32(chunk, crc);
        controller.enqueue(chunk);
      },
    });
    const compressed = await new Response(
      data.stream().pipeThrough(checksum).pipeThrough(new CompressionStream('deflate-raw')),
    ).blob();
    this.addEntry(name, DEFLATED, crc, compressed, data.size);
  }

  /** The whole archive (central directory and end records written now), of MIME type `type`. */
  close(type: string): Blob {
    const start = this.offset;
    for (const entry of this.central) this.push(this.centralHeader(entry));
    const size = this.offset - start;
    const count = this.central.length;
    const { bytes: bigBytes, entries: bigCount } = this.limits;
    if (count >= bigCount || start >= bigBytes || size >= bigBytes) {
      const at = this.offset;
      const record = new DataView(new ArrayBuffer(56 + 20));
      record.setUint32(0, 0x06064b50, true);
      record.setBigUint64(4, 44n, true);
      record.setUint16(12, 45, true);
      record.setUint16(14, 45, true);
      record.setBigUint64(24, BigInt(count), true);
      record.setBigUint64(32, BigInt(count), true);
      record.setBigUint64(40, BigInt(size), true);
      record.setBigUint64(48, BigInt(start), true);
      // The locator of the ZIP64 end record.
      record.setUint32(56, 0x07064b50, true);
      record.setBigUint64(64, BigInt(at), true);
      record.setUint32(72, 1, true);
      this.push(new Uint8Array(record.buffer));
    }
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, count >= bigCount ? MAX16 : count, true);
    end.setUint16(10, count >= bigCount ? MAX16 : count, true);
    end.setUint32(12, size >= bigBytes ? MAX32 : size, true);
    end.setUint32(16, start >= bigBytes ? MAX32 : start, true);
    this.push(new Uint8Array(end.buffer));
    return new Blob(this.parts, { type });
  }

  private push(part: Uint8Array<ArrayBuffer> | Blob): void {
    this.parts.push(part instanceof Blob ? part : new Blob([part]));
    this.offset += part instanceof Blob ? part.size : part.length;
  }

  private addEntry(name: string, method: number, crc: number, data: Blob, size: number): void {
    const entry: Written = {
      name: new TextEncoder().encode(name),
      method,
      crc,
      compressed: data.size,
      size,
      offset: this.offset,
    };
    const big = size >= this.limits.bytes || data.size >= this.limits.bytes;
    const extra = big ? this.zip64Extra([size, data.size]) : new Uint8Array(0);
    const head = new DataView(new ArrayBuffer(30 + entry.name.length + extra.length));
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, big ? 45 : 20, true);
    this.common(head, 6, entry, big ? [MAX32, MAX32] : [data.size, size]);
    head.setUint16(26, entry.name.length, true);
    head.setUint16(28, extra.length, true);
    const bytes = new Uint8Array(head.buffer);
    bytes.set(entry.name, 30);
    bytes.set(extra, 30 + entry.name.length);
    // The header and the entry's bytes as one part: no small Blob per header.
    this.parts.push(new Blob([bytes, data]));
    this.offset += bytes.length + data.size;
    this.central.push(entry);
  }

  /** Flags, method, time, date, CRC-32 and the two sizes, as local and central headers share them. */
  private common(view: DataView, at: number, entry: Written, sizes: [number, number]): void {
    view.setUint16(at, UTF8_NAMES, true);
    view.setUint16(at + 2, entry.method, true);
    view.setUint16(at + 4, this.stamp.time, true);
    view.setUint16(at + 6, this.stamp.date, true);
    view.setUint32(at + 8, entry.crc, true);
    view.setUint32(at + 12, sizes[0], true);
    view.setUint32(at + 16, sizes[1], true);
  }

  private centralHeader(entry: Written): Uint8Array<ArrayBuffer> {
    const { bytes: big } = this.limits;
    // The ZIP64 extra field holds, in this order, the values whose classic field is full.
    const sizesWide = entry.size >= big || entry.compressed >= big;
    const offsetWide = entry.offset >= big;
    const fields = [
      ...(sizesWide ? [entry.size, entry.compressed] : []),
      ...(offsetWide ? [entry.offset] : []),
    ];
    const wide = fields.length > 0;
    const extra = wide ? this.zip64Extra(fields) : new Uint8Array(0);
    const view = new DataView(new ArrayBuffer(46 + entry.name.length + extra.length));
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 45, true);
    view.setUint16(6, wide ? 45 : 20, true);
    this.common(view, 8, entry, [
      sizesWide ? MAX32 : entry.compressed,
      sizesWide ? MAX32 : entry.size,
    ]);
    view.setUint16(28, entry.name.length, true);
    view.setUint16(30, extra.length, true);
    view.setUint32(42, offsetWide ? MAX32 : entry.offset, true);
    const bytes = new Uint8Array(view.buffer);
    bytes.set(entry.name, 46);
    bytes.set(extra, 46 + entry.name.length);
    return bytes;
  }

  /** A ZIP64 extended information extra field (id 1) holding `values`, 8 bytes each. */
  private zip64Extra(values: number[]): Uint8Array<ArrayBuffer> {
    const view = new DataView(new ArrayBuffer(4 + 8 * values.length));
    view.setUint16(0, 1, true);
    view.setUint16(2, 8 * values.length, true);
    values.forEach((v, i) => view.setBigUint64(4 + 8 * i, BigInt(v), true));
    return new Uint8Array(view.buffer);
  }
}
