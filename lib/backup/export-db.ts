import { noteBackup, pendingEvidenceIds, type AuditorDb } from '../db';
import { exportFileName } from '../export/file-name';
import type { Category, Touchpoint } from '../model';
import { yieldToEventLoop } from '../util/event-loop';
import { blobToBase64 } from './base64';
import { toBackup } from './to-backup';
import type { Backup, BackupCategory, BackupEvidence } from './types';
import { rubricKey, type ExistingRefs } from './validate';

/** Records serialised between two pauses when writing `backup.json`. */
const RECORDS_PER_SLICE = 2_000;

/** The MIME type of `backup.json`. */
export const BACKUP_MIME = 'application/json';

/** How far a backup export or import has got. */
export interface BackupProgress {
  /** Reading the database, checking the file, or writing records. */
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

/**
 * Writes the text of `backup`, exactly `JSON.stringify(backup)` once joined, into `write` in
 * pieces: big tables are serialised a slice of records at a time, and after each slice `pause`
 * is awaited (the page stays live; the caller may also gather the pieces written so far).
 */
async function writeBackupJson(
  backup: Backup,
  write: (part: string) => void,
  pause: () => Promise<void>,
): Promise<void> {
  write('{');
  let first = true;
  for (const [key, value] of Object.entries(backup)) {
    write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(value)) {
      write(JSON.stringify(value));
      continue;
    }
    write('[');
    for (let start = 0; start < value.length; start += RECORDS_PER_SLICE) {
      const slice = value.slice(start, start + RECORDS_PER_SLICE).map((r) => JSON.stringify(r));
      write((start === 0 ? '' : ',') + slice.join(','));
      await pause();
    }
    write(']');
  }
  write('}');
}

/**
 * The text of `backup` in pieces, exactly `JSON.stringify(backup)` once joined: big tables are
 * serialised a slice of records at a time, with a pause between slices so the page stays live.
 */
export async function backupJsonParts(backup: Backup): Promise<string[]> {
  const parts: string[] = [];
  await writeBackupJson(backup, (part) => parts.push(part), yieldToEventLoop);
  return parts;
}

/**
 * `backup.json` as a Blob made of one small Blob per slice of records: each slice is encoded
 * (UTF-8) as it is written, so no step handles the whole text at once and freezes the page.
 */
export async function backupBlob(backup: Backup): Promise<Blob> {
  const blobs: Blob[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) blobs.push(new Blob(pending));
    pending = [];
  };
  await writeBackupJson(
    backup,
    (part) => pending.push(part),
    () => {
      flush();
      return yieldToEventLoop();
    },
  );
  flush();
  return new Blob(blobs, { type: BACKUP_MIME });
}

/** Touchpoints read per request when reading them all: small enough not to freeze the page. */
const TOUCHPOINTS_PER_READ = 2_000;

/**
 * Every touchpoint in key order (what `toArray` gives), read a page at a time inside the
 * caller's transaction: each page arrives in its own task, so the page paints in between.
 */
async function allTouchpoints(db: AuditorDb): Promise<Touchpoint[]> {
  const out: Touchpoint[] = [];
  let page = await db.touchpoints.orderBy(':id').limit(TOUCHPOINTS_PER_READ).toArray();
  while (page.length > 0) {
    for (const tp of page) out.push(tp);
    if (page.length < TOUCHPOINTS_PER_READ) break;
    const last = page[page.length - 1]!.id;
    page = await db.touchpoints.where(':id').above(last).limit(TOUCHPOINTS_PER_READ).toArray();
  }
  return out;
}

/** The tables of a study's set-up and its audits, which every backup holds whole. */
export const smallTables = (db: AuditorDb) => [
  db.studies,
  db.brands,
  db.rubrics,
  db.categories,
  db.audits,
];

/**
 * The set-up and the audits as a backup holds them (custom categories only), read in the
 * caller's transaction over {@link smallTables}.
 */
export async function readSmallTables(db: AuditorDb) {
  const [studies, brands, rubrics, custom, audits] = await Promise.all([
    db.studies.toArray(),
    db.brands.toArray(),
    db.rubrics.toArray(),
    db.categories.filter((c) => !c.builtin).toArray(),
    db.audits.toArray(),
  ]);
  return { studies, brands, rubrics, categories: custom.map(toBackupCategory), audits };
}

/**
 * Everything in the database, tombstones and screenshots included (each image read and
 * base64-encoded in turn), as the `backup.json` object (docs/FILES.md) stamped `now`.
 */
export async function readBackup(
  db: AuditorDb,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<Backup> {
  const [{ studies, brands, rubrics, categories, audits }, touchpoints] = await db.transaction(
    'r',
    [...smallTables(db), db.touchpoints],
    () => Promise.all([readSmallTables(db), allTouchpoints(db)]),
  );
  // Screenshots of an archive import not yet live are not part of the database yet.
  const pending = await pendingEvidenceIds(db);
  const ids = ((await db.evidence.toCollection().primaryKeys()) as string[]).filter(
    (id) => !pending.has(id),
  );
  const evidence: BackupEvidence[] = [];
  for (const id of ids) {
    const e = await db.evidence.get(id);
    if (!e) continue;
    const { blob, ...rest } = e;
    evidence.push({ ...rest, dataBase64: await blobToBase64(blob) });
    onProgress?.({ phase: 'reading', done: evidence.length, total: ids.length });
  }
  return toBackup({ studies, brands, rubrics, categories, audits, touchpoints, evidence }, now);
}

/** When a custom category made before categories were dated counts as made: older than all. */
const UNDATED = new Date(0).toISOString();

/** A stored custom category as a backup holds it. */
export function toBackupCategory(c: Category): BackupCategory {
  return {
    id: c.id,
    label: c.label ?? c.id,
    defaultStage: c.defaultStage,
    createdAt: c.createdAt ?? UNDATED,
    updatedAt: c.updatedAt ?? c.createdAt ?? UNDATED,
    ...(c.deleted ? { deleted: true } : {}),
  };
}

/** The whole database as a `backup.json` Blob and the name to save it under. */
export async function exportBackup(
  db: AuditorDb,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<{ blob: Blob; fileName: string }> {
  const backup = await readBackup(db, now, onProgress);
  const blob = await backupBlob(backup);
  // The popup's reminder counts from here.
  await noteBackup(db, now);
  return { blob, fileName: exportFileName('backup', 'backup', now, 'json') };
}

/**
 * What the database holds that an incoming backup may refer to (`validateBackup`'s
 * `existing`): ids of every table, stored rubrics, and which study and rubric each audit
 * and study belongs to, so a shopper's file may add touchpoints to the lead's audits.
 */
export async function existingRefs(db: AuditorDb): Promise<ExistingRefs> {
  return db.transaction(
    'r',
    [db.studies, db.brands, db.rubrics, db.audits, db.touchpoints, db.categories],
    async () => {
      const [studies, brandIds, rubrics, audits, touchpointIds, builtin] = await Promise.all([
        db.studies.toArray(),
        db.brands.toCollection().primaryKeys(),
        db.rubrics.toArray(),
        db.audits.toArray(),
        db.touchpoints.toCollection().primaryKeys(),
        db.categories.filter((c) => c.builtin).primaryKeys(),
      ]);
      return {
        studyIds: studies.map((s) => s.id),
        brandIds: brandIds as string[],
        auditIds: audits.map((a) => a.id),
        touchpointIds: touchpointIds as string[],
        rubricKeys: rubrics.map(rubricKey),
        rubrics,
        auditStudyIds: Object.fromEntries(audits.map((a) => [a.id, a.studyId])),
        studyWaves: Object.fromEntries(studies.map((s) => [s.id, s.waves])),
        builtinCategoryIds: builtin as string[],
        studyRubricKeys: Object.fromEntries(
          studies.map((s) => [s.id, rubricKey({ id: s.rubricId, version: s.rubricVersion })]),
        ),
      };
    },
  );
}
