/*
 * The one door to the ZIP library (zip.js, its core build without bundled workers or WASM):
 * compression goes through the browser's own CompressionStream, on the calling thread, so
 * nothing is loaded from a URL or evaluated (the extension's pages forbid both).
 */
export {
  BlobReader,
  TextReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
  type Entry,
  type FileEntry,
} from '@zip.js/zip.js/lib/zip-core-custom.js';

/** Options every reader and writer gets: no web workers (see above). */
export const ZIP_OPTIONS = { useWebWorkers: false } as const;

/** Deflate level of the JSON-lines files; screenshots are stored as they are (level 0). */
export const RECORDS_LEVEL = 6;
