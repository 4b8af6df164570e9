/** Bytes gathered in the JS heap before they are handed to the browser as one Blob part. */
export const BLOB_PART_BYTES = 4 * 1024 * 1024;

/**
 * Builds a large file as a Blob of Blobs: text and bytes are gathered until about
 * {@link BLOB_PART_BYTES}, then turned into a Blob part, whose data the browser keeps out of the
 * JS heap (on disk when it is large). The heap holds one part at most, however big the file.
 */
export class ChunkedBlob {
  private parts: Blob[] = [];
  private pending: (string | Uint8Array<ArrayBuffer>)[] = [];
  private pendingBytes = 0;
  /** Bytes (text counted as UTF-16 units, close enough for a threshold) written so far. */
  size = 0;

  /**
   * Appends text (written as UTF-8) or bytes. Bytes are kept until the next part is made, not
   * copied (a copy of every byte cost more garbage collection than anything else in the
   * archive's export): the caller must not change them afterwards.
   */
  write(part: string | Uint8Array<ArrayBuffer>): void {
    this.pending.push(part);
    this.pendingBytes += part.length;
    this.size += part.length;
    if (this.pendingBytes >= BLOB_PART_BYTES) this.flush();
  }

  /** Turns what is gathered into a Blob part now. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The file so far, of the given type. */
  toBlob(type = ''): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }
}
