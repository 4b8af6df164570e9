/*
 * The one door to the ZIP library (zip.js, its core build without bundled workers or WASM),
 * which reads archives (`zip-writer.ts` writes them; tests write damaged ones with zip.js):
 * decompression goes through the browser's own DecompressionStream, on the calling thread, so
 * nothing is loaded from a URL or evaluated (the extension's pages forbid both).
 */
export {
  BlobReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
  type Entry,
  type FileEntry,
} from '@zip.js/zip.js/lib/zip-core-custom.js';

/** Options every reader and writer gets: no web workers (see above). */
export const ZIP_OPTIONS = { useWebWorkers: false } as const;
