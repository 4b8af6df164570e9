import { Dexie } from 'dexie';
import { brandsOfStudy, getSetting, getStudy, loadStudyWithRubric, type AuditorDb } from '../db';
import { currentLanguage, dimensionKeyLabel, localizeRubric } from '../i18n';
import { csvDialectOf, type Language } from '../i18n/languages';
import type { Touchpoint } from '../model';
import { auditCounts, buildComparison, buildTrend, latestWaveWithData } from '../report';
import { loadReportHead, type ReportHead } from '../report/read';
import { buildComparisonCsv } from './comparison-csv';
import { buildTrendCsv } from './trend-csv';
import { csvRecordsAfter, DEFAULT_CSV_OPTIONS, toCsv, type CsvOptions } from './csv';
import { exportFileName } from './file-name';
import { touchpointRows, touchpointsCsvHeader } from './touchpoints-csv';
import { ChunkedBlob } from '../util/chunked-blob';
import { yieldToEventLoop } from '../util/event-loop';

/** Rows scored and serialised between two pauses: small enough to stay under ~50 ms. */
const ROWS_PER_SLICE = 2_000;

/** The MIME type of the CSV files (UTF-8; the BOM, when asked for, is in the text). */
export const CSV_MIME = 'text/csv;charset=utf-8';

/** How far a long export has got: `done` of `total` touchpoints read, then written. */
export interface ExportProgress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

/** The delimiter of the dialect the user chose, or (none chosen) the one their language reads. */
export const csvDelimiterFor = (
  chosen: CsvOptions['delimiter'] | null,
  language: Language,
): CsvOptions['delimiter'] => chosen ?? (csvDialectOf(language) === 'semicolon' ? ';' : ',');

/** The CSV options the user chose (the dialect is kept in settings or follows the language), BOM on. */
export async function csvOptionsFromSettings(db: AuditorDb): Promise<CsvOptions> {
  const chosen = await getSetting(db, 'csvDelimiter');
  return { ...DEFAULT_CSV_OPTIONS, delimiter: csvDelimiterFor(chosen, currentLanguage()) };
}

const timeKey = (time: string): number => {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
};
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A study's `touchpoints.csv` (its columns: docs/FILES.md) as a Blob, byte for byte what `buildTouchpointsCsv`
 * gives, built without freezing the page or holding the study: touchpoints are read audit by
 * audit and the rows scored and serialised in slices into Blob parts, pausing between them. Audits come in
 * `touchpointRows`' order; each audit's touchpoints are pre-sorted the same way, so slicing
 * keeps the file's order. Undefined when the study or its rubric is missing.
 */
export async function exportTouchpointsCsv(
  db: AuditorDb,
  studyId: string,
  opts?: CsvOptions,
  onProgress?: (progress: ExportProgress) => void,
): Promise<Blob | undefined> {
  const pinned = await loadStudyWithRubric(db, studyId);
  if (!pinned) return undefined;
  const { study, rubric } = pinned;
  const options = opts ?? (await csvOptionsFromSettings(db));
  const brands = await brandsOfStudy(db, study);
  const audits = (await db.audits.where('studyId').equals(studyId).toArray())
    .filter((a) => auditCounts(a, study))
    .sort((x, y) => timeKey(x.startedAt) - timeKey(y.startedAt) || compareIds(x.id, y.id));
  const stats = await db.auditStats.bulkGet(audits.map((a) => a.id));
  const total = stats.reduce((sum, s) => sum + (s?.total ?? 0), 0);

  // The file is written audit by audit as it is read: the heap holds one audit's touchpoints
  // and one Blob part (`ChunkedBlob`), never the whole study or the whole text, however big.
  const out = new ChunkedBlob();
  out.write(toCsv([touchpointsCsvHeader(rubric)], options));
  let done = 0;
  for (const audit of audits) {
    const touchpoints = (
      await db.touchpoints
        .where('[auditId+category]')
        .between([audit.id, Dexie.minKey], [audit.id, Dexie.maxKey], true, true)
        .toArray()
    ).filter((tp) => !tp.deleted);
    touchpoints.sort(
      (x, y) => timeKey(x.createdAt) - timeKey(y.createdAt) || compareIds(x.id, y.id),
    );
    const sha = await evidenceShaOf(db, touchpoints);
    const read = done + touchpoints.length;
    onProgress?.({ phase: 'reading', done: read, total: Math.max(total, read) });
    for (let start = 0; start < touchpoints.length; start += ROWS_PER_SLICE) {
      const slice = touchpoints.slice(start, start + ROWS_PER_SLICE);
      const input = {
        study,
        rubric,
        brands,
        audits: [audit],
        touchpoints: slice,
        evidenceShaByTouchpoint: sha,
      };
      out.write(csvRecordsAfter(touchpointRows(input), options));
      done += slice.length;
      onProgress?.({ phase: 'writing', done, total: Math.max(total, done) });
      await yieldToEventLoop();
    }
  }
  return out.toBlob(CSV_MIME);
}

/**
 * The SHA-256 the `evidence_sha256` column names for each touchpoint: a touchpoint that
 * changed after its pick has two screenshots; the column names Save's (docs/FILES.md).
 */
async function evidenceShaOf(
  db: AuditorDb,
  touchpoints: readonly Touchpoint[],
): Promise<Record<string, string>> {
  const sha: Record<string, string> = {};
  // A stored image is a handle read only when opened, so this does not load the pictures.
  const evidence = await db.evidence
    .where('touchpointId')
    .anyOf(touchpoints.map((tp) => tp.id))
    .toArray();
  const fromPick = new Set<string>();
  for (const e of evidence) {
    const had = Object.hasOwn(sha, e.touchpointId);
    if (had && (!fromPick.has(e.touchpointId) || e.moment === 'pick')) continue;
    sha[e.touchpointId] = e.sha256;
    if (e.moment === 'pick') fromPick.add(e.touchpointId);
    else fromPick.delete(e.touchpointId);
  }
  return sha;
}

function labelsOf(head: ReportHead) {
  // The seeded criteria's names in the reader's language, as the report page shows them.
  const { criteria } = localizeRubric(head.rubric);
  return (dimension: Parameters<typeof dimensionKeyLabel>[0], key: string) =>
    dimensionKeyLabel(dimension, key, {
      criterionLabel: (id) => criteria.find((c) => c.id === id)?.label,
      customCategory: (id) => head.customCategories.get(id),
    });
}

/** A study's comparison of one wave as a CSV file, and that wave. */
async function comparisonOfWave(
  db: AuditorDb,
  studyId: string,
  opts?: CsvOptions,
  wave?: string,
): Promise<{ blob: Blob; wave: string } | undefined> {
  const head = await loadReportHead(db, studyId, new Date());
  if (!head) return undefined;
  const { study, brands, rubric, waves } = head;
  const options = opts ?? (await csvOptionsFromSettings(db));
  const shown = wave ?? latestWaveWithData(waves) ?? study.wave;
  const tally = waves.find((w) => w.wave === shown)?.tally ?? {};
  const rows = buildComparison(tally, { brands, rubric });
  const text = buildComparisonCsv({ study, brands, rows, labelOf: labelsOf(head) }, options);
  return { blob: new Blob([text], { type: CSV_MIME }), wave: shown };
}

/**
 * A study's `comparison.csv` (its columns: docs/FILES.md) as a Blob, from the kept totals (never
 * a scan of the touchpoints), with labels in the user's language: the wave asked for, else the
 * latest wave with data. Undefined when the study or rubric is missing.
 */
export async function exportComparisonCsv(
  db: AuditorDb,
  studyId: string,
  opts?: CsvOptions,
  wave?: string,
): Promise<Blob | undefined> {
  return (await comparisonOfWave(db, studyId, opts, wave))?.blob;
}

/**
 * A study's `trend.csv` (its columns: docs/FILES.md#trendcsv) as a Blob: every wave's
 * comparison from the kept totals, with the change since the previous wave. Undefined when the
 * study or rubric is missing.
 */
export async function exportTrendCsv(
  db: AuditorDb,
  studyId: string,
  opts?: CsvOptions,
): Promise<Blob | undefined> {
  const head = await loadReportHead(db, studyId, new Date());
  if (!head) return undefined;
  const { study, brands, rubric } = head;
  const options = opts ?? (await csvOptionsFromSettings(db));
  const waves = buildTrend(head.waves, { brands, rubric });
  return new Blob([buildTrendCsv({ study, brands, waves, labelOf: labelsOf(head) }, options)], {
    type: CSV_MIME,
  });
}

/** Which CSV file of a study. */
export type StudyCsvKind = 'touchpoints' | 'comparison' | 'trend';

/**
 * One CSV file of a study with the name it is downloaded under (`exportFileName`), in the
 * delimiter kept in settings unless `opts` says otherwise: what the popup and the report page
 * call. `wave` picks the wave of `comparison.csv` (by default the latest with data). Undefined
 * when the study or its rubric is missing.
 */
export async function exportStudyCsv(
  db: AuditorDb,
  studyId: string,
  kind: StudyCsvKind,
  now: Date,
  opts?: CsvOptions,
  onProgress?: (progress: ExportProgress) => void,
  wave?: string,
): Promise<{ blob: Blob; fileName: string } | undefined> {
  const study = await getStudy(db, studyId);
  if (!study) return undefined;
  if (kind === 'comparison') {
    // The columns hold no wave: the name says which one the file compares.
    const file = await comparisonOfWave(db, studyId, opts, wave);
    return (
      file && {
        blob: file.blob,
        fileName: exportFileName(study.name, kind, now, 'csv', file.wave),
      }
    );
  }
  const blob =
    kind === 'touchpoints'
      ? await exportTouchpointsCsv(db, studyId, opts, onProgress)
      : await exportTrendCsv(db, studyId, opts);
  return blob && { blob, fileName: exportFileName(study.name, kind, now, 'csv') };
}
