import type { Rubric, ScoreValue } from '../model';
import { ok, problem, type Problem, type ProblemParams, type Result } from '../result';
import { megabytes } from './image-check';
import { parseBackup, renderPath } from './parse';
import { MAX_CLOCK_SKEW_MS, MAX_EVIDENCE_BYTES } from './limits';
import type { Backup } from './types';

/** Default largest evidence image an import accepts: the one limit the popup uses too. */
export const DEFAULT_MAX_EVIDENCE_BYTES = MAX_EVIDENCE_BYTES;

/**
 * What the database already holds, so a backup may refer to it (e.g. a shopper's file with
 * touchpoints of an audit the lead already has). Every field is optional.
 */
export interface ExistingRefs {
  auditIds?: Iterable<string>;
  studyIds?: Iterable<string>;
  brandIds?: Iterable<string>;
  touchpointIds?: Iterable<string>;
  /** Rubric keys as `${id}@${version}`. */
  rubricKeys?: Iterable<string>;
  /** Stored rubrics, to check scores of studies pinned to a rubric the file does not carry. */
  rubrics?: Rubric[];
  /** Study id by audit id for stored audits, to find the scale of their touchpoints' scores. */
  auditStudyIds?: Record<string, string>;
  /** Rubric key (`${id}@${version}`) by study id for stored studies. */
  studyRubricKeys?: Record<string, string>;
  /** The waves of stored studies, oldest first, by study id. */
  studyWaves?: Record<string, string[]>;
  /** Ids of the seeded categories: a file's custom category may not take one. */
  builtinCategoryIds?: Iterable<string>;
}

/** Limits an import enforces. */
export interface ValidateOptions {
  /** Largest decoded evidence image, in bytes (default {@link DEFAULT_MAX_EVIDENCE_BYTES}). */
  maxEvidenceBytes?: number;
  /**
   * The importing machine's clock: times in the file later than this plus
   * {@link MAX_CLOCK_SKEW_MS} are refused (a record from the future would win every merge).
   * Without it, times are not compared with the clock.
   */
  now?: Date;
}

/** The time fields of each table's records. */
const TIME_FIELDS = {
  studies: ['createdAt', 'updatedAt'],
  brands: ['createdAt', 'updatedAt'],
  rubrics: ['createdAt', 'updatedAt'],
  categories: ['createdAt', 'updatedAt'],
  audits: ['startedAt', 'endedAt', 'createdAt', 'updatedAt', 'reviewedAt'],
  touchpoints: ['createdAt', 'updatedAt'],
  evidence: ['capturedAt'],
} as const;

function checkNotInFuture(b: Backup, now: Date): void {
  const latest = now.getTime() + MAX_CLOCK_SKEW_MS;
  const check = (keys: (string | number)[], time: string | null | undefined) => {
    if (typeof time === 'string' && Date.parse(time) > latest) {
      reject(keys, 'backup.future-time', { time, now: now.toISOString() });
    }
  };
  check(['exportedAt'], b.exportedAt);
  for (const [table, fields] of Object.entries(TIME_FIELDS)) {
    const records = b[table as keyof typeof TIME_FIELDS] as unknown as Record<string, unknown>[];
    records.forEach((record, i) => {
      for (const field of fields) check([table, i, field], record[field] as string | null);
    });
  }
}

/** A rubric's key in maps and files: `${id}@${version}`. */
export function rubricKey(r: { id: string; version: number }): string {
  return `${r.id}@${r.version}`;
}

const own = <T>(map: Record<string, T> | undefined, key: string): T | undefined =>
  map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;

/** The first problem found, thrown from deep in the checks and caught by `checkBackup`. */
class Invalid extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

function reject(keys: (string | number)[], code: string, params?: ProblemParams): never {
  throw new Invalid(problem(code, params, renderPath(keys) || undefined));
}

/** A rubric key's parts as parameters: `{ rubric: 'default', version: '2' }`. */
function rubricParams(key: string): ProblemParams {
  const at = key.lastIndexOf('@');
  return { rubric: key.slice(0, at), version: key.slice(at + 1) };
}

/** Bytes a padded base64 string decodes to. */
export function base64DecodedSize(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

/** Ids of a table, refusing duplicates (rubrics are keyed by id + version). */
function indexIds<T>(table: string, records: T[], keyOf: (r: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  records.forEach((r, i) => {
    const key = keyOf(r);
    const first = seen.get(key);
    if (first !== undefined) {
      reject([table, i, 'id'], 'backup.duplicate-id', { id: key, first: `${table}[${first}]` });
    }
    seen.set(key, i);
    out.set(key, r);
  });
  return out;
}

function checkScore(keys: (string | number)[], value: ScoreValue, rubric: Rubric | undefined) {
  if (value === 'NA') return;
  const { min, max } = rubric?.scale ?? { min: -Infinity, max: Infinity };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    if (rubric) reject(keys, 'backup.score-off-scale', { min, max });
    reject(keys, 'backup.expect.score');
  }
}

/**
 * The checks beyond shape, on an already parsed backup: no duplicate ids; every reference
 * (study → rubric and brands, audit → study and brand, touchpoint → audit, evidence →
 * touchpoint) resolves in the file or in `existing`; each touchpoint's scores name criteria of
 * its study's rubric and lie on its scale; evidence is within the size limit; with
 * `opts.now`, no time lies in the future.
 */
export function checkBackup(
  backup: Backup,
  existing: ExistingRefs = {},
  opts: ValidateOptions = {},
): Result<Backup> {
  try {
    checkReferences(backup, existing, opts.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES);
    if (opts.now) checkNotInFuture(backup, opts.now);
    return ok(backup);
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.problem };
    throw e;
  }
}

function checkReferences(b: Backup, existing: ExistingRefs, maxEvidenceBytes: number): void {
  const known = (file: Map<string, unknown>, stored: Iterable<string> | undefined) => {
    // A Set passed in (an archive import's ids, checked a chunk at a time) is used as it is.
    const set = stored instanceof Set ? (stored as Set<string>) : new Set(stored ?? []);
    return (id: string) => file.has(id) || set.has(id);
  };
  const studies = indexIds('studies', b.studies, (s) => s.id);
  const brands = indexIds('brands', b.brands, (s) => s.id);
  const rubrics = indexIds('rubrics', b.rubrics, rubricKey);
  indexIds('categories', b.categories, (c) => c.id);
  const audits = indexIds('audits', b.audits, (s) => s.id);
  const touchpoints = indexIds('touchpoints', b.touchpoints, (s) => s.id);
  indexIds('evidence', b.evidence, (s) => s.id);
  const hasStudy = known(studies, existing.studyIds);
  const hasBrand = known(brands, existing.brandIds);
  const hasRubric = known(rubrics, existing.rubricKeys);
  const hasAudit = known(audits, existing.auditIds);
  const hasTouchpoint = known(touchpoints, existing.touchpointIds);
  const storedRubrics = new Map((existing.rubrics ?? []).map((r) => [rubricKey(r), r]));

  b.rubrics.forEach((r, i) => {
    const ids = new Set<string>();
    r.criteria.forEach((c, j) => {
      if (ids.has(c.id))
        reject(['rubrics', i, 'criteria', j, 'id'], 'backup.duplicate-criterion', { id: c.id });
      ids.add(c.id);
    });
  });
  b.studies.forEach((s, i) => {
    const key = rubricKey({ id: s.rubricId, version: s.rubricVersion });
    if (!hasRubric(key)) reject(['studies', i, 'rubricId'], 'backup.no-rubric', rubricParams(key));
    s.brandIds.forEach((id, j) => {
      if (!hasBrand(id)) reject(['studies', i, 'brandIds', j], 'backup.no-brand', { id });
    });
  });
  b.studies.forEach((s, i) => {
    if (!s.waves.includes(s.wave))
      reject(['studies', i, 'wave'], 'backup.wave-not-listed', { wave: s.wave });
  });
  const builtin = new Set(existing.builtinCategoryIds ?? []);
  b.categories.forEach((c, i) => {
    if (builtin.has(c.id)) reject(['categories', i, 'id'], 'backup.builtin-category', { id: c.id });
  });
  b.audits.forEach((a, i) => {
    if (!hasStudy(a.studyId))
      reject(['audits', i, 'studyId'], 'backup.no-study', { id: a.studyId });
    if (!hasBrand(a.brandId))
      reject(['audits', i, 'brandId'], 'backup.no-brand', { id: a.brandId });
    const fileWaves = studies.get(a.studyId)?.waves ?? [];
    const storedWaves = own(existing.studyWaves, a.studyId) ?? [];
    // A version-1 audit has no wave yet: it lands in its study's open wave.
    a.wave ??= studies.get(a.studyId)?.wave ?? storedWaves.at(-1) ?? '';
    if (!fileWaves.includes(a.wave) && !storedWaves.includes(a.wave))
      reject(['audits', i, 'wave'], 'backup.unknown-wave', { wave: a.wave, study: a.studyId });
  });

  const rubricOfAudit = (auditId: string): [string, Rubric | undefined] | undefined => {
    const studyId = audits.get(auditId)?.studyId ?? own(existing.auditStudyIds, auditId);
    if (studyId === undefined) return undefined;
    const study = studies.get(studyId);
    const key = study
      ? rubricKey({ id: study.rubricId, version: study.rubricVersion })
      : own(existing.studyRubricKeys, studyId);
    return key === undefined ? undefined : [key, rubrics.get(key) ?? storedRubrics.get(key)];
  };
  // Every touchpoint of an audit has the same rubric: find it (and its criteria) once per audit.
  const scaleOfAudit = new Map<
    string,
    { key: string | undefined; rubric: Rubric | undefined; criteria: Set<string> }
  >();
  b.touchpoints.forEach((tp, i) => {
    if (!hasAudit(tp.auditId))
      reject(['touchpoints', i, 'auditId'], 'backup.no-audit', { id: tp.auditId });
    let scale = scaleOfAudit.get(tp.auditId);
    if (!scale) {
      const [key, rubric] = rubricOfAudit(tp.auditId) ?? [undefined, undefined];
      scale = { key, rubric, criteria: new Set(rubric?.criteria.map((c) => c.id)) };
      scaleOfAudit.set(tp.auditId, scale);
    }
    const { key, rubric, criteria } = scale;
    for (const [criterionId, value] of Object.entries(tp.scores)) {
      const keys = ['touchpoints', i, 'scores', criterionId];
      if (rubric && key && !criteria.has(criterionId)) {
        reject(keys, 'backup.unknown-criterion', { criterion: criterionId, ...rubricParams(key) });
      }
      checkScore(keys, value, rubric);
    }
  });
  b.evidence.forEach((e, i) => {
    if (!hasTouchpoint(e.touchpointId)) {
      reject(['evidence', i, 'touchpointId'], 'backup.no-touchpoint', { id: e.touchpointId });
    }
    const size = base64DecodedSize(e.dataBase64);
    if (size > maxEvidenceBytes) {
      reject(['evidence', i, 'dataBase64'], 'backup.image.too-large', {
        size: megabytes(size),
        limit: megabytes(maxEvidenceBytes),
      });
    }
  });
}

/**
 * Reads and fully checks a `backup.json` text before anything is written: shape (see
 * {@link parseBackup}), then {@link checkBackup} against the file and what the database
 * already holds. The first problem comes back with its path, e.g.
 * `{ code: 'backup.score-off-scale', params: { min: 1, max: 5 }, path: 'touchpoints[12].scores.speed' }`.
 */
export function validateBackup(
  text: string,
  existing?: ExistingRefs,
  opts?: ValidateOptions,
): Result<Backup> {
  const parsed = parseBackup(text);
  return parsed.ok ? checkBackup(parsed.value, existing, opts) : parsed;
}
