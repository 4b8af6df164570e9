import type { Audit, Brand, Rubric, Study, Touchpoint } from '../model';
import { roundHalfAwayFromZero, scoreTouchpoint } from '../scoring';
import { toCsv, type CsvCell, type CsvOptions } from './csv';
import { auditCounts } from '../report/counts';

/** Everything needed to write one study's `touchpoints.csv`. */
export interface TouchpointsCsvInput {
  study: Study;
  /** The study's pinned rubric (id + version). */
  rubric: Rubric;
  brands: Brand[];
  /** Audits of any study; only the study's live ones are used. */
  audits: Audit[];
  /** Touchpoints of any audit; only live ones of the study's live audits are written. */
  touchpoints: Touchpoint[];
  /** The SHA-256 of each touchpoint's evidence, by touchpoint id (absent: no evidence). */
  evidenceShaByTouchpoint: Record<string, string>;
}

/** What {@link touchpointRow} needs besides the touchpoint: its study, rubric, audit, brand. */
export interface TouchpointRowContext {
  study: Study;
  rubric: Rubric;
  /** The touchpoint's audit. */
  audit: Audit;
  /** The audit's brand; undefined if it is not known (its cells are then empty). */
  brand: Brand | undefined;
  /** SHA-256 of the touchpoint's evidence, if it has some. */
  evidenceSha256: string | undefined;
}

/** The fixed leading columns of `touchpoints.csv` (docs/FILES.md#touchpointscsv), in order. */
export const TOUCHPOINT_COLUMNS = [
  'study',
  'wave',
  'audit_id',
  'brand',
  'brand_role',
  'shopper',
  'scenario',
  'touchpoint_id',
  'created_at',
  'stage',
  'category',
  'channel',
  'source',
  'url',
  'page_title',
  'selector',
  'text',
  'score_pct',
  'critical_fail',
  'evidence_sha256',
  'notes',
] as const;

/** The header: the fixed columns, then `score_<criterionId>` per criterion in rubric order. */
export function touchpointsCsvHeader(rubric: Rubric): string[] {
  return [...TOUCHPOINT_COLUMNS, ...rubric.criteria.map((c) => `score_${c.id}`), 'review_status'];
}

/** An ISO time written as ISO 8601 UTC (`…Z`); text that is not a time is kept as it is. */
export function isoUtc(time: string): string {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

/** One touchpoint as a row matching {@link touchpointsCsvHeader}. */
export function touchpointRow(ctx: TouchpointRowContext, tp: Touchpoint): CsvCell[] {
  const { study, rubric, audit, brand } = ctx;
  const score = scoreTouchpoint(tp, rubric);
  const fixed: CsvCell[] = [
    study.name,
    audit.wave,
    audit.id,
    brand?.name ?? null,
    brand?.role ?? null,
    audit.shopper,
    audit.scenario,
    tp.id,
    isoUtc(tp.createdAt),
    tp.stage,
    tp.category,
    tp.channel,
    tp.source,
    tp.url,
    tp.pageTitle,
    tp.anchor?.css ?? null,
    tp.anchor?.text ?? null,
    score.pct === null ? null : roundHalfAwayFromZero(score.pct, 1),
    score.criticalFail,
    ctx.evidenceSha256 ?? null,
    tp.notes,
  ];
  const scores = rubric.criteria.map((c): CsvCell => ownValue(tp.scores, c.id) ?? null);
  return [...fixed, ...scores, audit.review];
}

/** A record's own value for a key: ids such as `constructor` must not find inherited members. */
function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function timeKey(time: string): number {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The study's rows in file order: live touchpoints of the study's counted audits (see
 * `auditCounts`: no calibration work), sorted by their
 * audit's `startedAt`, then audit id (two audits started in the same millisecond stay
 * apart), then the touchpoint's `createdAt`, then its id, so the file is the same on every export.
 */
export function touchpointRows(input: TouchpointsCsvInput): CsvCell[][] {
  const { study, rubric } = input;
  const audits = new Map(
    input.audits
      .filter((a) => a.studyId === study.id && auditCounts(a, study))
      .map((a) => [a.id, a]),
  );
  const brands = new Map(input.brands.map((b) => [b.id, b]));
  const selected = input.touchpoints.flatMap((tp) => {
    const audit = tp.deleted ? undefined : audits.get(tp.auditId);
    return audit ? [{ tp, audit }] : [];
  });
  selected.sort(
    (x, y) =>
      timeKey(x.audit.startedAt) - timeKey(y.audit.startedAt) ||
      compareIds(x.audit.id, y.audit.id) ||
      timeKey(x.tp.createdAt) - timeKey(y.tp.createdAt) ||
      compareIds(x.tp.id, y.tp.id),
  );
  return selected.map(({ tp, audit }) =>
    touchpointRow(
      {
        study,
        rubric,
        audit,
        brand: brands.get(audit.brandId),
        evidenceSha256: ownValue(input.evidenceShaByTouchpoint, tp.id),
      },
      tp,
    ),
  );
}

/** The whole `touchpoints.csv` of a study, header first. */
export function buildTouchpointsCsv(input: TouchpointsCsvInput, opts: CsvOptions): string {
  return toCsv([touchpointsCsvHeader(input.rubric), ...touchpointRows(input)], opts);
}
