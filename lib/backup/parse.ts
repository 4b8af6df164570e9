import * as v from 'valibot';
import {
  ok,
  problem,
  schemaProblem,
  type Problem,
  type ProblemParams,
  type Result,
} from '../result';
import { findJsonError } from './json-error';
import { upgradeStudy, type Audit, type Study } from '../model';
import { takeOutAttachments } from './left-out';
import { backupV1Schema, backupV2Schema } from './schema';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './types';

/** A failure at `path` (`''`: the file as a whole). */
const fail = (code: string, params?: ProblemParams, path = ''): Result<never> => ({
  ok: false,
  error: problem(code, params, path || undefined),
});

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as a lead would write it: `touchpoints[12].scores.speed`; keys that are not plain
 * identifiers are quoted (`scores["a b"]`); `''` is the file itself.
 */
export function renderPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** A JSON syntax error, with the line and column where it is. */
export function jsonError(text: string, error: unknown): Problem {
  const found = findJsonError(text);
  const where = lineColumn(text, found?.position ?? text.length);
  if (found?.truncated) return problem('backup.json.truncated', where);
  // The engine and the scanner disagreeing should not happen; the engine's word is kept then.
  if (!found) {
    const detail = error instanceof Error ? error.message : String(error);
    return problem('backup.json.engine', { ...where, detail });
  }
  return problem(found.code, { ...where, ...found.params });
}

/** The problem of a valibot issue, at its path. */
export function issueProblem(issue: v.BaseIssue<unknown>): Problem {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const path = renderPath(keys) || undefined;
  const missingKey =
    issue.kind === 'schema' &&
    (issue.type === 'object' || issue.type === 'loose_object' || issue.type === 'strict_object') &&
    issue.received === 'undefined' &&
    issue.expected?.startsWith('"') === true;
  if (missingKey) return problem('backup.missing-field', undefined, path);
  // A strict object (an anchor) names the key it does not know in the path.
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return problem('backup.unknown-anchor-field', undefined, path);
  }
  return (
    schemaProblem(issue.message, path ?? '') ??
    problem('backup.invalid', { detail: issue.message }, path)
  );
}

/** A value from the file, quoted and cut short so a message stays readable. */
function brief(x: unknown): string {
  const text = JSON.stringify(x);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Reads a `backup.json` text and checks its shape (docs/FILES.md): JSON syntax, `format`,
 * `version` (a newer one asks the user to update), then every record, reporting the first
 * problem with its path. References between records and scores against their rubric's scale
 * are checked by `validateBackup` (until then a score is only known to be a number or a
 * string), so importers call that. A leading BOM is ignored. Unknown fields are dropped,
 * except inside anchors, which refuse them.
 */
export function parseBackup(text: string): Result<Backup> {
  const parsed = parseBackupFile(text);
  return parsed.ok ? ok(parsed.value.backup) : parsed;
}

/**
 * {@link parseBackup}, where the evidence an older popup let in that is no image (a PDF, an
 * e-mail, a text) is taken out first and listed in `leftOut` (see `takeOutAttachments`).
 */
export function parseBackupFile(text: string): Result<{ backup: Backup; leftOut: Problem[] }> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail('backup.empty');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: jsonError(body, error) };
  }
  if (!isRecord(data)) return fail('backup.not-an-object');
  if (data.format !== BACKUP_FORMAT) {
    const format = BACKUP_FORMAT;
    return data.format === undefined
      ? fail('backup.no-format', { format }, 'format')
      : fail('backup.wrong-format', { got: brief(data.format), format }, 'format');
  }
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return fail('backup.newer-version', { version }, 'version');
  }
  if (version === undefined) {
    return fail('backup.no-version', { expected: BACKUP_VERSION }, 'version');
  }
  if (version === 1) {
    const { data: rest, leftOut } = takeOutAttachments(data);
    const result = v.safeParse(backupV1Schema, rest, { abortEarly: true });
    if (!result.success) return { ok: false, error: issueProblem(result.issues[0]) };
    return ok({ backup: upgradeV1(result.output), leftOut });
  }
  if (version !== BACKUP_VERSION) {
    return fail(
      'backup.unsupported-version',
      { got: brief(version), expected: BACKUP_VERSION },
      'version',
    );
  }
  const { data: rest, leftOut } = takeOutAttachments(data);
  const result = v.safeParse(backupV2Schema, rest, { abortEarly: true });
  if (!result.success) return { ok: false, error: issueProblem(result.issues[0]) };
  const backup: Backup = result.output;
  return ok({ backup, leftOut });
}

/**
 * A version-1 file in this version's shape (docs/FILES.md): each study's one wave is its only
 * one, review is not required, no custom categories. Audits get their purpose and review state
 * here; their wave is set by `checkBackup`, which also knows the stored studies (an audit may
 * belong to a study the file does not carry).
 */
function upgradeV1(file: v.InferOutput<typeof backupV1Schema>): Backup {
  const studies = file.studies.map((s) => {
    const study = s as Study;
    upgradeStudy(study);
    return study;
  });
  const audits = file.audits.map((a) => {
    const audit = a as Audit;
    // `wave` stays missing: `checkBackup` fills it.
    audit.purpose = 'audit';
    audit.review = audit.endedAt === null ? 'in_progress' : 'submitted';
    return audit;
  });
  return { ...file, version: BACKUP_VERSION, studies, audits, categories: [] };
}
