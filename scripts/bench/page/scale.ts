/**
 * Bench functions run inside an extension page (same origin and database as the product):
 * seeding through the data-access layer, then each job next to its most direct equivalent.
 */
import Papa from 'papaparse';
import {
  AuditorDb,
  getDb,
  nthTouchpointOfAudit,
  pinnedRubric,
  putTouchpoints,
  seedDefaults,
  setSetting,
} from '../../../lib/db';
import { importBackup } from '../../../lib/backup/import-db';
import { exportBackup } from '../../../lib/backup/export-db';
import { exportComparisonCsv, exportTouchpointsCsv } from '../../../lib/export/study-csv';
import { touchpointRows } from '../../../lib/export';
import type { Audit, Touchpoint } from '../../../lib/model';
import { buildComparison, tallyTouchpoints } from '../../../lib/report';
import { loadReportHead } from '../../../lib/report/read';
import { benchBackup, makeBenchData, type BenchShape } from './fixtures';
import { watchFrames } from './frames';

const now = new Date('2026-11-22T12:00:00.000Z');

/** The trend figure's study: four brands, eight quarterly waves, eight audits in each. */
const TREND: BenchShape = {
  brands: 4,
  waves: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
  audits: 64,
};

/**
 * Wipes the product database and seeds a study of `n` touchpoints (`trend`: spread over eight
 * waves); the first audit runs.
 */
async function seed(n: number, trend = false): Promise<{ studyId: string; ms: number }> {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await seedDefaults(db, now);
  const data = trend ? makeBenchData(n, 'trend-study', TREND) : makeBenchData(n);
  const started = performance.now();
  await db.brands.bulkPut(data.brands);
  await db.studies.put(data.study);
  await db.audits.bulkPut(data.audits);
  await putTouchpoints(db, data.touchpoints);
  await setSetting(db, 'activeAuditId', data.audits[0]!.id);
  return { studyId: data.study.id, ms: performance.now() - started };
}

function rawGetAll<T>(store: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('touchpoint-auditor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => {
        resolve(req.result as T[]);
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/** Every touchpoint and audit (raw IndexedDB), and the study with its pinned rubric. */
async function readRaw(studyId: string) {
  const db = getDb();
  const [touchpoints, audits] = await Promise.all([
    rawGetAll<Touchpoint>('touchpoints'),
    rawGetAll<Audit>('audits'),
  ]);
  const study = (await db.studies.get(studyId))!;
  const rubric = (await pinnedRubric(db, study))!;
  return { touchpoints, audits, study, rubric };
}

/** The report's figures the direct way: read every touchpoint and aggregate. */
async function fullScan(studyId: string): Promise<number> {
  const started = performance.now();
  const db = getDb();
  const { touchpoints, audits, study, rubric } = await readRaw(studyId);
  const brandOf = new Map(
    audits.filter((a) => a.studyId === studyId).map((a) => [a.id, a.brandId]),
  );
  const items = touchpoints.flatMap((tp) => {
    const brandId = brandOf.get(tp.auditId);
    return brandId && !tp.deleted ? [{ brandId, touchpoint: tp }] : [];
  });
  const brands = await db.brands.bulkGet(study.brandIds);
  buildComparison(tallyTouchpoints(items, rubric), {
    brands: brands.map((b) => ({ id: b!.id, role: b!.role })),
    rubric,
  });
  return performance.now() - started;
}

/**
 * A trend's read: the report head (every wave's kept totals) and the comparison of each wave.
 * Returns the time and how many waves had touchpoints.
 */
async function trendRead(studyId: string): Promise<{ ms: number; wavesWithData: number }> {
  const started = performance.now();
  const head = (await loadReportHead(getDb(), studyId, now))!;
  let wavesWithData = 0;
  for (const { tally } of head.waves) {
    const rows = buildComparison(tally, { brands: head.brands, rubric: head.rubric });
    if (rows.some((r) => r.dimension === 'overall' && r.touchpoints > 0)) wavesWithData++;
  }
  return { ms: performance.now() - started, wavesWithData };
}

/** touchpoints.csv through the product, and the direct way (getAll + rows + unparse). */
async function csv(studyId: string) {
  const product = await watchFrames(() =>
    exportTouchpointsCsv(getDb(), studyId, { delimiter: ',', bom: true }),
  );
  const direct = await watchFrames(async () => {
    const db = getDb();
    const { touchpoints, audits, study, rubric } = await readRaw(studyId);
    const brands = (await db.brands.bulkGet(study.brandIds)).filter((b) => !!b);
    const rows = touchpointRows({
      study,
      rubric,
      brands,
      audits,
      touchpoints,
      evidenceShaByTouchpoint: {},
    });
    return new Blob([`\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}`]);
  });
  const comparison = await watchFrames(() =>
    exportComparisonCsv(getDb(), studyId, { delimiter: ',', bom: true }),
  );
  const backup = await watchFrames(() => exportBackup(getDb(), now));
  return {
    comparisonMs: comparison.ms,
    backupExportMs: backup.ms,
    backupExportMaxGapMs: backup.maxGapMs,
    productMs: product.ms,
    productMaxGapMs: product.maxGapMs,
    productBytes: product.value?.size ?? 0,
    directMs: direct.ms,
    directMaxGapMs: direct.maxGapMs,
  };
}

/** Import of an n-touchpoint backup into an empty database vs Dexie bulkPut of the records. */
async function backupImport(n: number) {
  const { data, rubric, text } = await benchBackup(n, now);
  const target = new AuditorDb(`bench-import-${crypto.randomUUID()}`);
  const started = performance.now();
  // The import refuses times past the importing machine's clock: it gets the real one, as in use.
  const result = await importBackup(target, text, new Date());
  const importMs = performance.now() - started;
  target.close();
  await target.delete();

  const plain = new AuditorDb(`bench-bulkput-${crypto.randomUUID()}`);
  const t0 = performance.now();
  await plain.transaction(
    'rw',
    plain.studies,
    plain.brands,
    plain.rubrics,
    plain.audits,
    plain.touchpoints,
    async () => {
      await plain.studies.bulkPut([data.study]);
      await plain.brands.bulkPut(data.brands);
      await plain.rubrics.bulkPut([rubric]);
      await plain.audits.bulkPut(data.audits);
      await plain.touchpoints.bulkPut(data.touchpoints);
    },
  );
  const bulkPutMs = performance.now() - t0;
  plain.close();
  await plain.delete();
  return { importMs, bulkPutMs, ok: result.ok, bytes: text.length };
}

/**
 * Hands in the seeded study's audits as a team under review would have them: the first keeps
 * running, the others are ended and submitted, returned or approved in turn (decided an hour
 * apart, the earliest first); the lead's name is set so the queue opens at once. Returns the
 * touchpoint the review queue shows first: the first of the first submitted audit in the
 * touchpoints view's order.
 */
async function markReviewed(studyId: string): Promise<{ firstTouchpointId: string }> {
  const db = getDb();
  const audits = (await db.audits.where('studyId').equals(studyId).toArray()).sort((a, b) =>
    a.startedAt.localeCompare(b.startedAt),
  );
  const states = ['submitted', 'returned', 'approved'] as const;
  const reviewed = audits.map((a, i): Audit => {
    if (i === 0) return a;
    const at = new Date(now.getTime() + i * 3_600_000).toISOString();
    return { ...a, endedAt: at, review: states[i % 3]!, reviewedBy: a.shopper, reviewedAt: at };
  });
  await db.audits.bulkPut(reviewed);
  await setSetting(db, 'reviewerName', 'Lea');
  const first = reviewed.find((a) => a.review === 'submitted')!;
  return { firstTouchpointId: (await nthTouchpointOfAudit(db, first.id, 0))!.id };
}

(globalThis as unknown as { tpaScale: unknown }).tpaScale = {
  seed,
  markReviewed,
  fullScan,
  trendRead,
  csv,
  backupImport,
};
