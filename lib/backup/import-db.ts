import {
  putTouchpointsInTransaction,
  rebuildStudyTally,
  touchpointWriteTables,
  type AuditorDb,
} from '../db';
import type { Audit, Category, Evidence, Study, Touchpoint } from '../model';
import { yieldToEventLoop } from '../util/event-loop';
import { checkEvidenceImages } from './evidence-check';
import { existingRefs, type BackupProgress } from './export-db';
import { planMerge, type ExistingTables, type MergePlan, type MergeSummary } from './merge';
import { ok, type Problem, type Result } from '../result';
import type { BackupCategory, BackupTables, Table } from './types';
import type { CheckedImage } from './image-check';
import { parseBackupFile } from './parse';
import { checkBackup, type ValidateOptions } from './validate';
import { canvasReencoder, type Reencode } from '../capture/reencode';

/** What an import did: the merge's counts, over all tables and per table. */
export interface ImportSummary {
  summary: MergeSummary;
  byTable: Record<Table, MergeSummary>;
  /** What the file had wrong that the import repaired (a SHA-256 that did not match…). */
  notes: Problem[];
  /**
   * Evidence left out because it is no image (a PDF, e-mail or text an older popup let in),
   * one `backup.attachment-left-out` each, with its touchpoint's path in the file.
   */
  leftOut: Problem[];
}

/** How an import checks its file. */
export interface ImportOptions extends ValidateOptions {
  /**
   * Re-encodes each image before it is stored; by default the canvas one where this context
   * has a canvas (the report page and its worker), none where it has not (`null`: none).
   */
  reencode?: Reencode | null;
}

/** From this many incoming ids on, one scan of the keys beats a `get` per id (~65 µs each). */
const KEY_SCAN_FROM = 1_000;

/**
 * The stored touchpoints among `ids` (only those). Many ids are first narrowed to the stored
 * ones with one read of the keys in their range, so importing new records does no per-id read.
 */
export async function storedTouchpoints(
  db: AuditorDb,
  ids: readonly string[],
): Promise<Touchpoint[]> {
  let wanted = ids;
  if (ids.length >= KEY_SCAN_FROM) {
    let min = ids[0]!;
    let max = ids[0]!;
    for (const id of ids) {
      if (id < min) min = id;
      if (id > max) max = id;
    }
    const keys = await db.touchpoints.where(':id').between(min, max, true, true).primaryKeys();
    if (keys.length === 0) return [];
    const stored = new Set(keys as string[]);
    wanted = ids.filter((id) => stored.has(id));
  }
  const rows = await db.touchpoints.bulkGet([...wanted]);
  return rows.filter((r): r is Touchpoint => r !== undefined);
}

/** The stored copies of the records a backup carries (only those: no table is scanned). */
export async function storedCopies(
  db: AuditorDb,
  b: BackupTables,
): Promise<{ tables: ExistingTables; touchpoints: Touchpoint[] }> {
  const ids = <T extends { id: string }>(records: readonly T[]) => records.map((r) => r.id);
  const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);
  const touchpoints = await storedTouchpoints(db, ids(b.touchpoints));
  const tables: ExistingTables = {
    studies: present(await db.studies.bulkGet(ids(b.studies))),
    brands: present(await db.brands.bulkGet(ids(b.brands))),
    rubrics: present(
      await db.rubrics.bulkGet(b.rubrics.map((r): [string, number] => [r.id, r.version])),
    ),
    categories: present(await db.categories.bulkGet(ids(b.categories))),
    audits: present(await db.audits.bulkGet(ids(b.audits))),
    touchpoints,
    // Evidence never changes: whether the id is stored is all the merge needs.
    evidence: (await db.evidence.where('id').anyOf(ids(b.evidence)).primaryKeys()).map((id) => ({
      id: String(id),
    })),
  };
  return { tables, touchpoints };
}

/**
 * Studies whose totals a merge moves as a whole: an audit moved to another study, brand or
 * wave, (un)deleted, or changed in purpose or review state; a study whose "approved only"
 * setting changed.
 */
export function studiesMovedBy(
  stored: { audits: readonly Audit[]; studies: readonly Study[] },
  put: { audits: readonly Audit[]; studies: readonly Study[] },
): Set<string> {
  const before = new Map(stored.audits.map((a) => [a.id, a]));
  const studies = new Set<string>();
  for (const next of put.audits) {
    const prev = before.get(next.id);
    if (!prev) continue;
    if (
      prev.studyId !== next.studyId ||
      prev.brandId !== next.brandId ||
      prev.wave !== next.wave ||
      prev.purpose !== next.purpose ||
      prev.review !== next.review ||
      !prev.deleted !== !next.deleted
    ) {
      studies.add(prev.studyId);
      studies.add(next.studyId);
    }
  }
  const storedStudies = new Map(stored.studies.map((s) => [s.id, s]));
  for (const next of put.studies) {
    const prev = storedStudies.get(next.id);
    if (prev && prev.requireReview !== next.requireReview) studies.add(next.id);
  }
  return studies;
}

/**
 * After a merge: every wave an imported audit is in is one of its study's waves. A study
 * whose stored copy won over the file's may lack a wave the file's audits are in; it is added
 * after the others, so nothing imported is out of sight.
 */
export async function listAuditWaves(
  db: AuditorDb,
  audits: readonly Audit[],
  now: Date,
): Promise<void> {
  const byStudy = new Map<string, Set<string>>();
  for (const a of audits) {
    let waves = byStudy.get(a.studyId);
    if (!waves) byStudy.set(a.studyId, (waves = new Set()));
    waves.add(a.wave);
  }
  for (const [studyId, waves] of byStudy) {
    const study = await db.studies.get(studyId);
    const missing = study ? [...waves].filter((w) => !study.waves.includes(w)) : [];
    if (study && missing.length > 0) {
      await db.studies.put({
        ...study,
        waves: [...study.waves, ...missing],
        updatedAt: now.toISOString(),
      });
    }
  }
}

/** A backup's custom category as stored. */
export function toCategory(c: BackupCategory): Category {
  return { ...c, builtin: false };
}

/**
 * Writes what a merge plan puts in the set-up's tables and the audits, and lists the audits'
 * waves in their studies (in the caller's transaction).
 */
export async function putSmallTables(
  db: AuditorDb,
  put: MergePlan['put'],
  now: Date,
): Promise<void> {
  await db.studies.bulkPut(put.studies);
  await db.brands.bulkPut(put.brands);
  await db.rubrics.bulkPut(put.rubrics);
  await db.categories.bulkPut(put.categories.map(toCategory));
  await db.audits.bulkPut(put.audits);
  await listAuditWaves(db, put.audits, now);
}

/** The tables {@link writeMerge} writes: a caller's enclosing transaction lists them. */
export const mergeWriteTables = (db: AuditorDb) => [
  db.studies,
  db.brands,
  db.rubrics,
  db.categories,
  db.audits,
  db.evidence,
  ...touchpointWriteTables(db),
];

/** Evidence records per bulk write of a merge (images make them large). */
const EVIDENCE_CHUNK = 100;

/**
 * Merges checked records into the database (`planMerge`: newer `updatedAt` wins, a tombstone
 * wins a tie) in ONE transaction, touchpoints through the path that keeps audit counters and
 * study totals; `images` holds each evidence's checked image. Shared by backup import and team
 * sync (lib/sync), so both follow one rule. Runs inside the caller's transaction when there is
 * one over {@link mergeWriteTables}.
 */
export async function writeMerge(
  db: AuditorDb,
  backup: BackupTables,
  images: ReadonlyMap<string, CheckedImage>,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<MergePlan> {
  return db.transaction('rw', mergeWriteTables(db), async () => {
    const stored = await storedCopies(db, backup);
    const plan = planMerge(stored.tables, backup);
    const { put } = plan;
    await putSmallTables(db, put, now);
    const total = put.touchpoints.length + put.evidence.length;
    // The stored copies were just read in this transaction: the write need not read them again.
    const storedById = new Map(stored.touchpoints.map((tp) => [tp.id, tp]));
    await putTouchpointsInTransaction(db, put.touchpoints, now, {
      previous: put.touchpoints.map((tp) => storedById.get(tp.id)),
      onWritten: (done) => onProgress?.({ phase: 'writing', done, total }),
    });
    // Evidence in chunks of bulk writes: one request per record would cost ~5×.
    for (let start = 0; start < put.evidence.length; start += EVIDENCE_CHUNK) {
      const chunk = put.evidence.slice(start, start + EVIDENCE_CHUNK).map((e): Evidence => {
        const { dataBase64: _file, ...rest } = e;
        const { bytes, mime, width, height, sha256 } = images.get(e.id)!;
        return { ...rest, mime, width, height, sha256, blob: new Blob([bytes], { type: mime }) };
      });
      await db.evidence.bulkPut(chunk);
      onProgress?.({
        phase: 'writing',
        done: put.touchpoints.length + start + chunk.length,
        total,
      });
    }
    const before = {
      audits: (stored.tables.audits ?? []) as Audit[],
      studies: (stored.tables.studies ?? []) as Study[],
    };
    const moved = studiesMovedBy(before, put);
    // A new audit whose touchpoints were stored first (sync may bring them in that order):
    // they counted for no study until now.
    const storedAudits = new Set(before.audits.map((a) => a.id));
    for (const audit of put.audits) {
      if (storedAudits.has(audit.id) || moved.has(audit.studyId)) continue;
      if ((await db.touchpoints.where('auditId').equals(audit.id).count()) > 0) {
        moved.add(audit.studyId);
      }
    }
    for (const studyId of moved) await rebuildStudyTally(db, studyId, now);
    return plan;
  });
}

/**
 * Imports a `backup.json` text. Evidence that is no image but a PDF, e-mail or text (an older
 * popup let them in) is left out and listed in `leftOut`; the rest is validated first against
 * itself, what is stored and the
 * clock (`validateBackup`), and its images by their bytes (`checkEvidenceImages`, re-encoded
 * where a canvas is available and bytes ride past an image's end; clean ones kept as they are): a bad file writes nothing and comes back as the first problem
 * with its path; what could be repaired (a wrong hash) is, and is listed in `notes`. A good
 * one is merged by id (`planMerge`: newer `updatedAt` wins, tombstones win over older
 * records) in ONE transaction over every table, touchpoints through the path
 * that keeps audit counters and study totals: any failure leaves the database as it was. The
 * same transaction clears the `importStarted` marker (import-marker.ts).
 * Unexpected failures (storage full…) are thrown after the rollback.
 */
export async function importBackup(
  db: AuditorDb,
  text: string,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
  opts: ImportOptions = {},
): Promise<Result<ImportSummary>> {
  onProgress?.({ phase: 'checking', done: 0, total: 1 });
  await yieldToEventLoop();
  const parsed = parseBackupFile(text);
  if (!parsed.ok) return parsed;
  const { leftOut } = parsed.value;
  const checked = checkBackup(parsed.value.backup, await existingRefs(db), { ...opts, now });
  if (!checked.ok) return checked;
  const backup = checked.value;
  // Images are checked and re-encoded before the transaction: it would not survive the wait.
  const reencode = opts.reencode === undefined ? canvasReencoder() : (opts.reencode ?? undefined);
  const images = await checkEvidenceImages(backup.evidence, reencode, opts.maxEvidenceBytes);
  if (!images.ok) return images;
  onProgress?.({ phase: 'checking', done: 1, total: 1 });
  // One transaction: the merge, and the marker of the import under way (import-marker.ts)
  // cleared as it commits.
  const result = await db.transaction('rw', [db.settings, ...mergeWriteTables(db)], async () => {
    const merged = await writeMerge(db, backup, images.value.images, now, onProgress);
    await db.settings.delete('importStarted');
    return merged;
  });
  return ok({
    summary: result.summary,
    byTable: result.byTable,
    notes: images.value.notes,
    leftOut,
  });
}
