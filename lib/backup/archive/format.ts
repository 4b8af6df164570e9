import type { ImageMime } from '../../capture/image-header';
import { BACKUP_TABLES, type Table } from '../types';

/** The `format` value of an archive's `manifest.json`. */
export const ARCHIVE_FORMAT = 'touchpoint-auditor-archive';

/** The archive version this build writes and reads: its records are backup version 2's. */
export const ARCHIVE_VERSION = 2;

/** The MIME type of an archive. */
export const ARCHIVE_MIME = 'application/zip';

/** The entry that describes the archive. */
export const MANIFEST_FILE = 'manifest.json';

/** `manifest.json` (docs/FILES.md#backup-archive). */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: string;
  /** Records per table: an import checks each JSON-lines file holds exactly this many. */
  counts: Record<Table, number>;
}

/** The JSON-lines entry of a table: `records/touchpoints.jsonl`. */
export const recordsFile = (table: Table): string => `records/${table}.jsonl`;

/** The tables an archive carries, in the order they are written and checked. */
export const ARCHIVE_TABLES = BACKUP_TABLES;

const EXTENSION: Record<ImageMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The entry holding a screenshot's bytes: `evidence/<id>.jpg` (the id URI-escaped). */
export const evidenceFile = (id: string, mime: ImageMime): string =>
  `evidence/${encodeURIComponent(id)}.${EXTENSION[mime]}`;

/** Whether a Blob starts like a ZIP file (`PK\x03\x04`), which is how an import tells an archive from `backup.json`. */
export async function isZip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
