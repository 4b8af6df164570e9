/**
 * Finer figures for the CSV, backup export and import jobs (`npx tsx scripts/bench/io-phases.ts`):
 * each phase of the product's work timed on its own, and the long frames while each job runs.
 */
import { AuditorDb, getDb } from '../../../lib/db';
import {
  existingRefs,
  exportBackup,
  readBackup,
  backupJsonParts,
} from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import { exportTouchpointsCsv } from '../../../lib/export/study-csv';
import { parseBackup, checkBackup, planMerge } from '../../../lib/backup';
import { benchBackup } from './fixtures';
import { watchFrames } from './frames';

const now = new Date('2026-11-22T12:00:00.000Z');

/** As watchFrames, but the longest gap counts only gaps over 50 ms (0 when there were none). */
async function frames<T>(job: () => Promise<T>) {
  const watched = await watchFrames(job);
  return { ...watched, maxGapMs: Math.max(0, ...watched.longGaps) };
}

async function exportJobs(studyId: string) {
  const db = getDb();
  const csv = await frames(() => exportTouchpointsCsv(db, studyId, { delimiter: ',', bom: true }));
  const t0 = performance.now();
  const backup = await readBackup(db, now);
  const readMs = performance.now() - t0;
  const t1 = performance.now();
  const parts = await backupJsonParts(backup);
  const partsMs = performance.now() - t1;
  const t2 = performance.now();
  new Blob(parts);
  const blobMs = performance.now() - t2;
  const full = await frames(() => exportBackup(db, now));
  return {
    csvMs: csv.ms,
    csvMaxGap: csv.maxGapMs,
    csvGaps: csv.longGaps,
    backupReadMs: readMs,
    backupPartsMs: partsMs,
    backupBlobMs: blobMs,
    backupMs: full.ms,
    backupMaxGap: full.maxGapMs,
    backupGaps: full.longGaps,
  };
}

async function importPhases(n: number) {
  const { text } = await benchBackup(n, now);
  const out: Record<string, number> = {};
  const target = new AuditorDb(`bench-phases-${crypto.randomUUID()}`);
  let t = performance.now();
  await target.open();
  out.openMs = performance.now() - t;
  t = performance.now();
  const refs = await existingRefs(target);
  out.existingRefsMs = performance.now() - t;
  t = performance.now();
  const parsed = parseBackup(text);
  out.parseMs = performance.now() - t;
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  t = performance.now();
  checkBackup(parsed.value, refs);
  out.checkMs = performance.now() - t;
  t = performance.now();
  JSON.parse(text);
  out.jsonParseOnlyMs = performance.now() - t;
  t = performance.now();
  planMerge({}, parsed.value);
  out.planMergeMs = performance.now() - t;
  target.close();
  await target.delete();

  const fresh = new AuditorDb(`bench-phases-${crypto.randomUUID()}`);
  await fresh.open();
  t = performance.now();
  const r = await frames(() => importBackup(fresh, text, now));
  out.importMs = performance.now() - t;
  out.importMaxGap = r.maxGapMs;
  fresh.close();
  await fresh.delete();
  return out;
}

(globalThis as unknown as { tpaPhases: unknown }).tpaPhases = { exportJobs, importPhases };
