import {
  rubricKey,
  toBackup,
  type BackupEvidence,
  type BackupV1,
  type ExistingRefs,
} from '../backup';
import { exportFileName } from '../export/file-name';
import { blobToBase64 } from './base64';
import type { AuditorDb } from './schema';

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

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The text of `backup` in pieces, exactly `JSON.stringify(backup)` once joined: big tables are
 * serialised a slice of records at a time, with a pause between slices so the page stays live.
 */
export async function backupJsonParts(backup: BackupV1): Promise<string[]> {
  const parts: string[] = ['{'];
  let first = true;
  for (const [key, value] of Object.entries(backup)) {
    parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(value)) {
      parts.push(JSON.stringify(value));
      continue;
    }
    parts.push('[');
    for (let start = 0; start < value.length; start += RECORDS_PER_SLICE) {
      const slice = value.slice(start, start + RECORDS_PER_SLICE).map((r) => JSON.stringify(r));
      parts.push((start === 0 ? '' : ',') + slice.join(','));
      await pause();
    }
    parts.push(']');
  }
  parts.push('}');
  return parts;
}

/**
 * Everything in the database, tombstones and screenshots included (each image read and
 * base64-encoded in turn), as the `backup.json` object of DESIGN §6 stamped `now`.
 */
export async function readBackup(
  db: AuditorDb,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<BackupV1> {
  const [studies, brands, rubrics, audits, touchpoints] = await db.transaction(
    'r',
    [db.studies, db.brands, db.rubrics, db.audits, db.touchpoints],
    () =>
      Promise.all([
        db.studies.toArray(),
        db.brands.toArray(),
        db.rubrics.toArray(),
        db.audits.toArray(),
        db.touchpoints.toArray(),
      ]),
  );
  const ids = (await db.evidence.toCollection().primaryKeys()) as string[];
  const evidence: BackupEvidence[] = [];
  for (const id of ids) {
    const e = await db.evidence.get(id);
    if (!e) continue;
    const { blob, ...rest } = e;
    evidence.push({ ...rest, dataBase64: await blobToBase64(blob) });
    onProgress?.({ phase: 'reading', done: evidence.length, total: ids.length });
  }
  return toBackup({ studies, brands, rubrics, audits, touchpoints, evidence }, now);
}

/** The whole database as a `backup.json` Blob and the name to save it under. */
export async function exportBackup(
  db: AuditorDb,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<{ blob: Blob; fileName: string }> {
  const backup = await readBackup(db, now, onProgress);
  const parts = await backupJsonParts(backup);
  return {
    blob: new Blob(parts, { type: BACKUP_MIME }),
    fileName: exportFileName('backup', 'backup', now, 'json'),
  };
}

/**
 * What the database holds that an incoming backup may refer to (`validateBackup`'s
 * `existing`): ids of every table, stored rubrics, and which study and rubric each audit
 * and study belongs to, so a shopper's file may add touchpoints to the lead's audits.
 */
export async function existingRefs(db: AuditorDb): Promise<ExistingRefs> {
  return db.transaction(
    'r',
    [db.studies, db.brands, db.rubrics, db.audits, db.touchpoints],
    async () => {
      const [studies, brandIds, rubrics, audits, touchpointIds] = await Promise.all([
        db.studies.toArray(),
        db.brands.toCollection().primaryKeys(),
        db.rubrics.toArray(),
        db.audits.toArray(),
        db.touchpoints.toCollection().primaryKeys(),
      ]);
      return {
        studyIds: studies.map((s) => s.id),
        brandIds: brandIds as string[],
        auditIds: audits.map((a) => a.id),
        touchpointIds: touchpointIds as string[],
        rubricKeys: rubrics.map(rubricKey),
        rubrics,
        auditStudyIds: Object.fromEntries(audits.map((a) => [a.id, a.studyId])),
        studyRubricKeys: Object.fromEntries(
          studies.map((s) => [s.id, rubricKey({ id: s.rubricId, version: s.rubricVersion })]),
        ),
      };
    },
  );
}
