import { Dexie } from 'dexie';
import {
  dropPendingEvidence,
  announceTransactionAs,
  leaveTransactionOutOfOutbox,
  type AuditorDb,
  type StagedRecord,
} from '../../db';
import type { Reencode } from '../../capture/reencode';
import type { Evidence, Touchpoint } from '../../model';
import { ok, problem, type Problem, type Result } from '../../result';
import { tooLarge, sanitizeImage, sha256Of } from '../image-check';
import { MAX_EVIDENCE_BYTES } from '../limits';
import { ensureRoom } from '../../util/full-disk';
import type { BackupProgress } from '../export-db';
import type { Backup, BackupEvidence, BackupTables, Table } from '../types';
import { BACKUP_FORMAT, BACKUP_VERSION, emptyTables } from '../types';
import { checkBackup, type ExistingRefs } from '../validate';
import { entryLines, LineTooLong, MAX_LINE_LENGTH, type Line } from './lines';
import { recordsFile, type ArchiveManifest } from './format';
import { duplicateAt, linePath, parseLine, placeProblem } from './records';
import { entryLimits, isStoredPlain, readStoredRun } from './stored-read';
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
  /** Screenshots of the archive already stored (kept as they are: not written again). */
  evidenceUnchanged: number;
}

/** How the archive is checked. */
export interface StageOptions {
  now: Date;
  /** The archive's file, whose stored screenshots are read in runs (`readStoredRun`). */
  archive: Blob;
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

/**
 * Drops an import's staged records and the screenshots it wrote ahead of its swap (after a
 * refusal or a failure; once swapped in, none are left).
 */
export async function dropStaged(db: AuditorDb, importId: string): Promise<void> {
  await stagedRange(db, importId).delete();
  await dropPendingEvidence(
    db,
    async (pending) => (await pending.where('importId').equals(importId).primaryKeys()) as string[],
  );
}

/** Drops what imports closed half-way (a closed tab) left more than a day ago. */
export async function dropStaleStaged(db: AuditorDb, now: Date): Promise<void> {
  const before = String(now.getTime() - STALE_MS).padStart(15, '0');
  await db.staging.where('[importId+table+seq]').below([before]).delete();
  await dropPendingEvidence(
    db,
    async (pending) => (await pending.where('importId').below(before).primaryKeys()) as string[],
  );
}

/**
 * Drops what every unfinished import left (staged records, screenshots not yet live): only
 * when no import runs, e.g. at the start after one was cut short (docs/RECOVERY.md).
 */
export async function dropUnfinishedImports(db: AuditorDb): Promise<void> {
  await db.staging.clear();
  await dropPendingEvidence(
    db,
    async (pending) => (await pending.toCollection().primaryKeys()) as string[],
  );
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
  ...emptyTables(),
});

/**
 * Checks an archive record by record with backup.json's rules, and stages its touchpoints and
 * screenshots: small tables are read whole and checked together; touchpoints and evidence
 * stream through in batches, each batch checked (`checkBackup`, against the small tables, the
 * ids seen so far and what is stored) and written to the staging table. Images are checked by
 * their bytes, re-encoded where needed and hashed, as backup.json's are. A screenshot is written
 * once: one of a touchpoint not stored yet goes straight into `evidence`, listed as pending
 * (not live) until the swap; one already stored is not written; only one added to a stored
 * touchpoint (which readers would see at once) waits in the staging table. The first problem
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
    // The disk may fill meanwhile (another program): stop while there is room to spare.
    await ensureRoom(0);
    await db.transaction('rw', db.staging, () => {
      // Staged rows are seen by no live query: no notice of their thousands of keys.
      announceTransactionAs(Dexie.currentTransaction!.idbtrans, 'nothing');
      return db.staging.bulkAdd(
        batch.map((record): StagedRecord => ({ importId, table: 'touchpoints', record })),
      );
    });
    done += batch.length;
    progress();
  }

  // Evidence: each screenshot's line, then its bytes from the archive, checked as an image.
  const touchpointIds = new Set<string>(existing.touchpointIds ?? []);
  for (const id of touchpointLine.keys()) touchpointIds.add(id);
  const refs: ExistingRefs = { touchpointIds };
  const storedTouchpoint = existing.touchpointIds as Set<string>;
  const evidenceLine = new Map<string, number>();
  const notes: Problem[] = [];
  let evidenceUnchanged = 0;
  const limits = entryLimits(entries.values(), opts.archive.size);
  /**
   * The bytes of a group of screenshots with one read of the file, when each is stored as it
   * is and they lie one after another (as the export writes them); undefined otherwise, or
   * when the read fails: each is then read alone, and a problem is named for its line.
   */
  const readTogether = async (
    group: readonly Line_[],
  ): Promise<Uint8Array<ArrayBuffer>[] | undefined> => {
    const run = group.map((e) => entries.get(e.file));
    if (run.some((entry) => !entry || !isStoredPlain(entry) || entry.crc32 === undefined)) {
      return undefined;
    }
    const sorted = [...(run as FileEntry[])].sort((a, b) => a.offset - b.offset);
    const contiguous = sorted.every(
      (entry, i) => i === 0 || limits.get(sorted[i - 1]!) === entry.offset,
    );
    const span = sorted.reduce((sum, entry) => sum + (limits.get(entry)! - entry.offset), 0);
    if (!contiguous || span > READ_BYTES_AT_ONCE * 2) return undefined;
    return readStoredRun(opts.archive, run as FileEntry[], limits).catch(() => undefined);
  };
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
    const read: Evidence[] = [];
    for (let start = 0; start < batch.length;) {
      let end = start;
      let bytes = 0;
      do {
        bytes += entries.get(batch[end]!.file)?.uncompressedSize ?? 0;
        end += 1;
      } while (end < batch.length && bytes < READ_BYTES_AT_ONCE);
      const group = batch.slice(start, end);
      const together = readTogether(group);
      const results = await Promise.allSettled(
        group.map((e, k) =>
          readImage(
            entries,
            e,
            lines[start + k]!.number,
            maxEvidenceBytes,
            opts.reencode,
            together.then((all) => all?.[k]),
          ),
        ),
      );
      for (const r of results) {
        if (r.status === 'rejected') throw r.reason;
        if (r.value.note) notes.push(r.value.note);
        read.push(r.value.record);
      }
      start = end;
    }
    await ensureRoom(read.reduce((sum, e) => sum + e.blob.size, 0));
    evidenceUnchanged += await writeEvidence(db, importId, read, storedTouchpoint);
    done += batch.length;
    progress();
  }
  return { small, notes, evidenceUnchanged };
}

/**
 * Writes a batch of checked screenshots once, where the swap will find them: not at all when
 * the id is stored already (a stored screenshot is never replaced), as pending rows of
 * `evidence` when their touchpoint is not stored (nothing reaches them before the swap), in
 * the staging table otherwise. Answers how many were stored already.
 */
async function writeEvidence(
  db: AuditorDb,
  importId: string,
  records: Evidence[],
  storedTouchpoint: ReadonlySet<string>,
): Promise<number> {
  return db.transaction('rw', db.evidence, db.pendingEvidence, db.staging, async () => {
    // Not live, so not queued for sync (the swap queues them as it makes them live), nor
    // announced to live queries (none can reach them before the swap).
    leaveTransactionOutOfOutbox(Dexie.currentTransaction!.idbtrans);
    announceTransactionAs(Dexie.currentTransaction!.idbtrans, 'nothing');
    const ids = records.map((r) => r.id);
    const stored = new Set((await db.evidence.where('id').anyOf(ids).primaryKeys()) as string[]);
    // A screenshot an import cut short left pending is this import's now (same id, same image).
    const pendingElsewhere = (await db.pendingEvidence.bulkGet([...stored])).filter(
      (p) => p !== undefined && p.importId !== importId,
    );
    await db.pendingEvidence.bulkPut(pendingElsewhere.map((p) => ({ id: p!.id, importId })));
    const fresh = records.filter((r) => !stored.has(r.id));
    const ahead = fresh.filter((r) => !storedTouchpoint.has(r.touchpointId));
    const staged = fresh.filter((r) => storedTouchpoint.has(r.touchpointId));
    await db.evidence.bulkAdd(ahead);
    await db.pendingEvidence.bulkAdd(ahead.map((r) => ({ id: r.id, importId })));
    await db.staging.bulkAdd(
      staged.map((record): StagedRecord => ({ importId, table: 'evidence', record })),
    );
    return stored.size - pendingElsewhere.length;
  });
}

/** A read error of an entry (bad deflate data, a wrong CRC-32) as the archive's problem. */
function damaged(file: string, error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return problem('backup.archive.damaged', { file, detail }, file);
}

/**
 * A screenshot's bytes from the archive (`read`, when they were read with their neighbours;
 * else from its entry alone), checked, re-encoded if need be, as a stored record.
 */
async function readImage(
  entries: ReadonlyMap<string, FileEntry>,
  e: Omit<BackupEvidence, 'dataBase64'> & { file: string },
  line: number,
  maxBytes: number,
  reencode: Reencode | undefined,
  read?: Promise<Uint8Array<ArrayBuffer> | undefined>,
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
    bytes =
      (await read) ??
      (await entry!.getData(new Uint8ArrayWriter(), { ...ZIP_OPTIONS, checkCrc32: true }));
  } catch (error) {
    return refuse(damaged(e.file, error));
  }
  const checked = await sanitizeImage(bytes, reencode, maxBytes);
  if (!checked.ok) return refuse({ ...checked.error, path: at });
  // Kept as it came (not re-encoded), the image's hash is the one just computed.
  const actual = checked.value.bytes === bytes ? checked.value.sha256 : await sha256Of(bytes);
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
