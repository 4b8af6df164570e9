// Reads an archive into memory and writes it back changed: the tests' way to damage one entry.
import {
  BlobReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
  ZIP_OPTIONS,
} from '../../../../lib/backup/archive/zip';
import { Uint8ArrayReader, BlobWriter } from '@zip.js/zip.js/lib/zip-core-custom.js';

/** Every file entry's bytes, by name, in archive order. */
export async function unzip(blob: Blob): Promise<Map<string, Uint8Array>> {
  const zip = new ZipReader(new BlobReader(blob), ZIP_OPTIONS);
  const out = new Map<string, Uint8Array>();
  for (const entry of await zip.getEntries()) {
    if (!entry.directory) out.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  }
  await zip.close();
  return out;
}

/** An archive of these entries, in this order. */
export async function zipOf(files: Map<string, Uint8Array>): Promise<Blob> {
  const zip = new ZipWriter(new BlobWriter('application/zip'), ZIP_OPTIONS);
  for (const [name, bytes] of files) await zip.add(name, new Uint8ArrayReader(bytes));
  return zip.close();
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** An archive with one entry's text changed by `edit` (`null` from `edit` removes it). */
export async function editEntry(
  blob: Blob,
  name: string,
  edit: (text: string) => string | null,
): Promise<Blob> {
  const files = await unzip(blob);
  const next = edit(text(files.get(name)));
  if (next === null) files.delete(name);
  else files.set(name, new TextEncoder().encode(next));
  return zipOf(files);
}

/** The text of an entry. */
export async function entryOf(blob: Blob, name: string): Promise<string> {
  return text((await unzip(blob)).get(name));
}
