import type { AuditorDb, StagedRecord } from '../../db';
import type { Reencode } from '../../capture/reencode';
import type { Evidence, Touchpoint } from '../../model';
import { ok, problem, type Problem, type Result } from '../../result';
import { tooLarge, sanitizeImage, sha256Of } from '../image-check';
import { MAX_EVIDENCE_BYTES } from '../limits';
import type { BackupProgress } from '../export-db';
import type { Backup, BackupEvidence, BackupTables, Table } from '../types';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../types';
import { checkBackup, type ExistingRefs } from '../validate';
import { entryLines, LineTooLong, MAX_LINE_LENGTH, type Line } from './lines';
import { recordsFile, type ArchiveManifest } from './format';
import { duplicateAt, linePath, parseLine, placeProblem } from './records';
import { Uint8ArrayWriter, ZIP_OPTIONS, type FileEntry } from './zip';

/** The tables read whole: few records, needed by every later check. */
export type SmallTables = Pick<
  BackupTables,
  'studies' | 'brands' | 'rubrics' | 'categories' | 'audits'
>;
const SMALL: (keyof SmallTables)[] = ['studies', 'brands', 'rubrics', 'categories', 'audits'];

/** Touchpoints checked and staged per batch. */
const TOUCHPOINT_BATCH = 2_000;
/** Screenshots checked and staged per batch. */
const EVIDENCE_BATCH = 50;
/** Image bytes read at once (in parallel) within a batch: bounds the heap with big images. */
const READ_BYTES_AT_ONCE = 16 * 1024 * 1024;
/** Staged records left by an import that never finished are dropped after this long. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** What an archive's checks and staging leave for the swap. */
export interface StagedArchive {
  small: SmallTables;
  /** Repairs made on the way (a SHA-256 that did not match its image). */
  notes: Problem[];
}

/** How the archive is checked. */
export interface StageOptions {
  now: Date;
  reencode?: Reencode;
  maxEvidenceBytes?: number;
  onProgress?: (progress: BackupProgress) => void;
}

/** A new import's id: its start time first, so stale ones sort before it. */
export const newImportId = (now: Date): string =>
  `${String(now.getTime()).padStart(15, '0')}-${Math.random().toString(36).slice(2, 10)}`;

/** The key range of one import's staged records (an array key sorts after every string). */
export const stagedRange = (db: AuditorDb, importId: string) =>
  db.staging.where('[importId+table+seq]').between([importId], [importId, []]);

/** Drops an import's staged records (after a refusal, or once swapped in). */
export async function dropStaged(db: AuditorDb, importId: string): Promise<void> {
  await stagedRange(db, importId).delete();
}

/** Drops what imports closed half-way (a closed tab) left more than a day ago. */
export async function dropStaleStaged(db: AuditorDb, now: Date): Promise<void> {
  const before = String(now.getTime() - STALE_MS).padStart(15, '0');
  await db.staging.where('[importId+table+seq]').below([before]).delete();
}

class Refused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}
const refuse = (found: Problem): never => {
  throw new Refused(found);
};

const emptyBackup = (exportedAt: string): Backup => ({
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  exportedAt,
  studies: [],
  brands: [],
  rubrics: [],
  categories: [],
  audits: [],
  touchpoints: [],
  evidence: [],
});

/**
 * Checks an archive record by record with backup.json's rules, and stages its touchpoints and
 * screenshots: small tables are read whole and checked together; touchpoints and evidence
 * stream through in batches, each batch checked (`checkBackup`, against the small tables, the
 * ids seen so far and what is stored) and written to the staging table. Images are checked by
 * their bytes, re-encoded where needed and hashed, as backup.json's are. The first problem
 * refuses the archive, named by file and line.
 */
export async function checkAndStage(
  db: AuditorDb,
  entries: ReadonlyMap<string, FileEntry>,
  manifest: ArchiveManifest,
  existing: ExistingRefs,
  importId: string,
  opts: StageOptions,
): Promise<Result<StagedArchive>> {
  try {
    return ok(await stage(db, entries, manifest, existing, importId, opts));
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.problem };
    throw error;
  }
}

async function stage(
  db: AuditorDb,
  entries: ReadonlyMap<string, FileEntry>,
  manifest: ArchiveManifest,
  stored: ExistingRefs,
  importId: string,
  opts: StageOptions,
): Promise<StagedArchive> {
  // As Sets once: every batch's check looks ids up in them (a list would be copied each time).
  const existing: ExistingRefs = {
    ...stored,
    auditIds: new Set(stored.auditIds ?? []),
    studyIds: new Set(stored.studyIds ?? []),
    brandIds: new Set(stored.brandIds ?? []),
    touchpointIds: new Set(stored.touchpointIds ?? []),
    rubricKeys: new Set(stored.rubricKeys ?? []),
  };
  const maxEvidenceBytes = opts.maxEvidenceBytes ?? MAX_EVIDENCE_BYTES;
  const checkOpts = { now: opts.now, maxEvidenceBytes };
  const total = manifest.counts.touchpoints + manifest.counts.evidence;
  let done = 0;
  const progress = () => opts.onProgress?.({ phase: 'checking', done, total });

  /** Every line of a table, parsed and checked, batch by batch; the count is checked at the end. */
  async function* batches<T>(table: Table, size: number): AsyncGenerator<[T[], Line[]]> {
    const file = recordsFile(table);
    const entry = entries.get(file);
    if (!entry) refuse(problem('backup.archive.missing-file', { file }, file));
    const expected = manifest.counts[table];
    let records: T[] = [];
    let lines: Line[] = [];
    let count = 0;
    try {
      for await (const line of entryLines(entry!)) {
        count += 1;
        if (count > expected) break;
        const parsed = parseLine<T>(table, line);
        if (!parsed.ok) refuse(parsed.error);
        records.push((parsed as { value: T }).value);
        lines.push(line);
        if (records.length >= size) {
          yield [records, lines];
          records = [];
          lines = [];
        }
      }
    } catch (error) {
      if (error instanceof Refused) throw error;
      if (error instanceof LineTooLong) {
        const params = { max: MAX_LINE_LENGTH };
        refuse(problem('backup.archive.line-too-long', params, linePath(table, error.line)));
      }
      refuse(damaged(file, error));
    }
    if (count !== expected) {
      refuse(problem('backup.archive.count-mismatch', { expected, got: count }, file));
    }
    if (records.length > 0) yield [records, lines];
  }

  // Small tables: whole, checked together as a backup without touchpoints.
  const small = {} as SmallTables;
  const smallLines = {} as Record<string, Line[]>;
  for (const table of SMALL) {
    const all: unknown[] = [];
    const lines: Line[] = [];
    for await (const [records, at] of batches<unknown>(table, 1_000)) {
      all.push(...records);
      lines.push(...at);
    }
    (small as Record<string, unknown[]>)[table] = all;
    smallLines[table] = lines;
  }
  const smallLineOf = (table: Table, index: number) => smallLines[table]?.[index]?.number ?? 0;
  const seenIn = (table: keyof SmallTables) => {
    const first = new Map<string, number>();
    const keyOf = (r: { id: string; version?: number }) =>
      table === 'rubrics' ? `${r.id}@${r.version}` : r.id;
    (small[table] as { id: string; version?: number }[]).forEach((r, i) => {
      const line = smallLineOf(table, i);
      const had = first.get(keyOf(r));
      if (had !== undefined) refuse(duplicateAt(table, keyOf(r), line, had));
      first.set(keyOf(r), line);
    });
  };
  SMALL.forEach(seenIn);
  const base = { ...emptyBackup(manifest.exportedAt), ...small };
  const checkedSmall = checkBackup(base, existing, checkOpts);
  if (!checkedSmall.ok) refuse(placeProblem(checkedSmall.error, smallLineOf));

  // Touchpoints: batch by batch, against the small tables and what is stored.
  const touchpointLine = new Map<string, number>();
  for await (const [batch, lines] of batches<Touchpoint>('touchpoints', TOUCHPOINT_BATCH)) {
    batch.forEach((tp, i) => {
      const had = touchpointLine.get(tp.id);
      if (had !== undefined) refuse(duplicateAt('touchpoints', tp.id, lines[i]!.number, had));
      touchpointLine.set(tp.id, lines[i]!.number);
    });
    const checked = checkBackup({ ...base, touchpoints: batch }, existing, checkOpts);
    if (!checked.ok) {
      refuse(
        placeProblem(checked.error, (t, i) =>
          t === 'touchpoints' ? lines[i]!.number : smallLineOf(t, i),
        ),
      );
    }
    await db.staging.bulkAdd(
      batch.map((record): StagedRecord => ({ importId, table: 'touchpoints', record })),
    );
    done += batch.length;
    progress();
  }

  // Evidence: each screenshot's line, then its bytes from the archive, checked as an image.
  const touchpointIds = new Set<string>(existing.touchpointIds ?? []);
  for (const id of touchpointLine.keys()) touchpointIds.add(id);
  const refs: ExistingRefs = { touchpointIds };
  const evidenceLine = new Map<string, number>();
  const notes: Problem[] = [];
  type Line_ = Omit<BackupEvidence, 'dataBase64'> & { file: string };
  for await (const [batch, lines] of batches<Line_>('evidence', EVIDENCE_BATCH)) {
    batch.forEach((e, i) => {
      const had = evidenceLine.get(e.id);
      if (had !== undefined) refuse(duplicateAt('evidence', e.id, lines[i]!.number, had));
      evidenceLine.set(e.id, lines[i]!.number);
    });
    const asBackup = batch.map(({ file: _file, ...e }) => ({ ...e, dataBase64: '' }));
    const checked = checkBackup(
      { ...emptyBackup(manifest.exportedAt), evidence: asBackup },
      refs,
      checkOpts,
    );
    if (!checked.ok) refuse(placeProblem(checked.error, (_t, i) => lines[i]!.number));
    // Images are read several at once, up to READ_BYTES_AT_ONCE: each read waits on the
    // browser (Blob slices), and the waits overlap. The first problem in file order wins.
    const staged: StagedRecord[] = [];
    for (let start = 0; start < batch.length;) {
      let end = start;
      let bytes = 0;
      do {
        bytes += entries.get(batch[end]!.file)?.uncompressedSize ?? 0;
        end += 1;
      } while (end < batch.length && bytes < READ_BYTES_AT_ONCE);
      const read = await Promise.allSettled(
        batch
          .slice(start, end)
          .map((e, k) =>
            readImage(entries, e, lines[start + k]!.number, maxEvidenceBytes, opts.reencode),
          ),
      );
      for (const r of read) {
        if (r.status === 'rejected') throw r.reason;
        if (r.value.note) notes.push(r.value.note);
        staged.push({ importId, table: 'evidence', record: r.value.record });
      }
      start = end;
    }
    await db.staging.bulkAdd(staged);
    done += batch.length;
    progress();
  }
  return { small, notes };
}

/** A read error of an entry (bad deflate data, a wrong CRC-32) as the archive's problem. */
function damaged(file: string, error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return problem('backup.archive.damaged', { file, detail }, file);
}

/** A screenshot's bytes from the archive, checked, re-encoded if need be, as a stored record. */
async function readImage(
  entries: ReadonlyMap<string, FileEntry>,
  e: Omit<BackupEvidence, 'dataBase64'> & { file: string },
  line: number,
  maxBytes: number,
  reencode: Reencode | undefined,
): Promise<{ record: Evidence; note?: Problem }> {
  const at = linePath('evidence', line, 'file');
  const entry = entries.get(e.file);
  if (!entry) refuse(problem('backup.archive.missing-file', { file: e.file }, at));
  // The size is known before reading: a huge entry is refused without loading it.
  if (entry!.uncompressedSize > maxBytes) {
    const big = tooLarge(entry!.uncompressedSize, maxBytes);
    if (!big.ok) refuse({ ...big.error, path: at });
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await entry!.getData(new Uint8ArrayWriter(), { ...ZIP_OPTIONS, checkCrc32: true });
  } catch (error) {
    return refuse(damaged(e.file, error));
  }
  const [actual, checked] = await Promise.all([
    sha256Of(bytes),
    sanitizeImage(bytes, reencode, maxBytes),
  ]);
  if (!checked.ok) return refuse({ ...checked.error, path: at });
  const short = (hash: string) => `${hash.slice(0, 12)}…`;
  const note =
    actual === e.sha256.toLowerCase()
      ? undefined
      : problem(
          'backup.hash-recomputed',
          { declared: short(e.sha256), actual: short(actual) },
          linePath('evidence', line, 'sha256'),
        );
  const { file: _file, ...rest } = e;
  const { mime, width, height, sha256 } = checked.value;
  const blob = new Blob([checked.value.bytes], { type: mime });
  return { record: { ...rest, mime, width, height, sha256, blob }, note };
}
