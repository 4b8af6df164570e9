import { noteBackup, pendingEvidenceIds, type AuditorDb } from '../../db';
import { IMAGE_MIMES, type ImageMime } from '../../capture/image-header';
import { exportFileName } from '../../export/file-name';
import type { Evidence, Touchpoint } from '../../model';
import { ChunkedBlob } from '../../util/chunked-blob';
import { yieldToEventLoop } from '../../util/event-loop';
import { readSmallTables, smallTables, type BackupProgress } from '../export-db';
import type { Table } from '../types';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_MIME,
  ARCHIVE_VERSION,
  evidenceFile,
  MANIFEST_FILE,
  recordsFile,
  type ArchiveManifest,
} from './format';
import { crc32 } from './stored-read';
import { ZipBlobWriter } from './zip-writer';

/** Touchpoints read per request: small enough not to freeze the page. */
const TOUCHPOINTS_PER_READ = 2_000;
/** Screenshots read per request (their bytes are handles, read only when zipped). */
const EVIDENCE_PER_READ = 50;
/** Screenshot bytes read at once (in parallel) for their checksums: bounds the heap. */
const READ_BYTES_AT_ONCE = 16 * 1024 * 1024;

/** Whether a stored type is one an archive carries (an older popup let in PDFs and texts). */
const isImage = (mime: string): mime is ImageMime =>
  (IMAGE_MIMES as readonly string[]).includes(mime);

/** A JSON-lines file being written: one record per line, kept as Blob parts, and its count. */
class Jsonl {
  readonly out = new ChunkedBlob();
  count = 0;
  add(record: unknown): void {
    this.out.write(`${JSON.stringify(record)}\n`);
    this.count += 1;
  }
}

/** A stored screenshot's line in `records/evidence.jsonl`: its fields, `file` for its bytes. */
function evidenceLine(e: Evidence, file: string) {
  return {
    id: e.id,
    touchpointId: e.touchpointId,
    mime: e.mime,
    file,
    width: e.width,
    height: e.height,
    sha256: e.sha256,
    capturedAt: e.capturedAt,
    url: e.url,
    ...(e.moment !== undefined && { moment: e.moment }),
  };
}

/**
 * Pages through a table by primary key inside short read transactions, `size` records at a
 * time, pausing between pages so the page stays live.
 */
async function* pages<T extends { id: string }>(
  table: { orderBy(i: ':id'): { limit(n: number): { toArray(): Promise<T[]> } } } & {
    where(i: ':id'): { above(k: string): { limit(n: number): { toArray(): Promise<T[]> } } };
  },
  size: number,
): AsyncGenerator<T[]> {
  let page = await table.orderBy(':id').limit(size).toArray();
  while (page.length > 0) {
    yield page;
    if (page.length < size) return;
    const last = page[page.length - 1]!.id;
    await yieldToEventLoop();
    page = await table.where(':id').above(last).limit(size).toArray();
  }
}

/**
 * Writes the whole database as a backup archive (docs/FILES.md#backup-archive) into a Blob,
 * streaming: small tables are read at once, touchpoints and screenshots a page at a time; the
 * records go into Blob parts as they come and each screenshot's stored Blob goes into the
 * archive as it is (`ZipBlobWriter`; its bytes are read once, for the CRC-32), so the JS heap
 * holds one page and one part whatever the study's size. The export reads in several transactions: a record added
 * meanwhile may be left out, but never in a way the import would refuse (a touchpoint whose
 * audit, or a screenshot whose touchpoint, was not written is left out too).
 */
export async function writeArchive(
  db: AuditorDb,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<Blob> {
  const zip = new ZipBlobWriter(now);
  const counts = {} as Record<Table, number>;
  const addJsonl = async (table: Table, lines: Jsonl) => {
    counts[table] = lines.count;
    await zip.addDeflated(recordsFile(table), lines.out.toBlob());
  };

  const { studies, brands, rubrics, categories, audits } = await db.transaction(
    'r',
    smallTables(db),
    () => readSmallTables(db),
  );
  const small: [Table, unknown[]][] = [
    ['studies', studies],
    ['brands', brands],
    ['rubrics', rubrics],
    ['categories', categories],
    ['audits', audits],
  ];
  for (const [table, records] of small) {
    const lines = new Jsonl();
    for (const r of records) lines.add(r);
    await addJsonl(table, lines);
  }
  const auditIds = new Set(audits.map((a) => a.id));
  const total = await db.evidence.count();

  const touchpointIds = new Set<string>();
  const touchpoints = new Jsonl();
  for await (const page of pages<Touchpoint>(db.touchpoints, TOUCHPOINTS_PER_READ)) {
    for (const tp of page) {
      if (!auditIds.has(tp.auditId)) continue;
      touchpoints.add(tp);
      touchpointIds.add(tp.id);
    }
  }
  await addJsonl('touchpoints', touchpoints);

  const evidence = new Jsonl();
  // An archive import's screenshots not yet live (their touchpoints are not stored either).
  const pending = await pendingEvidenceIds(db);
  let done = 0;
  for await (const page of pages<Evidence>(db.evidence, EVIDENCE_PER_READ)) {
    const kept = page.filter(
      (e) => touchpointIds.has(e.touchpointId) && isImage(e.mime) && !pending.has(e.id),
    );
    done += page.length;
    // Screenshots are compressed already: stored as they are, their Blobs going into the
    // archive untouched; their bytes are read (several at once) only for the CRC-32.
    for (const group of bySize(kept, READ_BYTES_AT_ONCE)) {
      const crcs = await Promise.all(
        group.map(async (e) => crc32(new Uint8Array(await e.blob.arrayBuffer()))),
      );
      group.forEach((e, i) => {
        const name = evidenceFile(e.id, e.mime as ImageMime);
        zip.addStored(name, e.blob, crcs[i]!);
        evidence.add(evidenceLine(e, name));
      });
    }
    onProgress?.({ phase: 'reading', done, total: Math.max(total, done) });
  }
  await addJsonl('evidence', evidence);

  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    counts,
  };
  await zip.addDeflated(MANIFEST_FILE, new Blob([JSON.stringify(manifest, null, 2)]));
  return zip.close(ARCHIVE_MIME);
}

/** `items` in runs of at most `bytes` of Blob (one item alone when it is bigger). */
function bySize<T extends { blob: Blob }>(items: T[], bytes: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const item of items) {
    if (run.length > 0 && size + item.blob.size > bytes) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += item.blob.size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The whole database as a backup archive and the name to save it under (`….tpa.zip`). */
export async function exportArchive(
  db: AuditorDb,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<{ blob: Blob; fileName: string }> {
  const blob = await writeArchive(db, now, onProgress);
  // The popup's reminder counts from here.
  await noteBackup(db, now);
  return { blob, fileName: `${exportFileName('backup', 'backup', now, 'tpa')}.zip` };
}
