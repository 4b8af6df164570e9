import * as v from 'valibot';
import { findJsonError } from './json-error';
import { backupV1Schema } from './schema';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupError,
  type BackupV1,
  type Result,
} from './types';

const fail = (path: string, message: string): { ok: false; error: BackupError } => ({
  ok: false,
  error: { path, message },
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

/** A JSON syntax error in words, with the line and column where it is. */
function jsonError(text: string, error: unknown): BackupError {
  const found = findJsonError(text);
  const engine = error instanceof Error ? error.message : String(error);
  const where = lineColumn(text, found?.position ?? text.length);
  const at = `line ${where.line}, column ${where.column}`;
  if (found?.truncated) {
    return {
      path: '',
      message: `not valid JSON: the file ends unexpectedly at ${at}; it may be truncated`,
    };
  }
  // The engine and the scanner disagreeing should not happen; the engine's word is kept then.
  return { path: '', message: `not valid JSON at ${at}: ${found ? found.reason : engine}` };
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  const missingKey =
    issue.kind === 'schema' &&
    (issue.type === 'object' || issue.type === 'loose_object' || issue.type === 'strict_object') &&
    issue.received === 'undefined' &&
    issue.expected?.startsWith('"') === true;
  if (missingKey) return 'required field is missing';
  // A strict object (an anchor) names the key it does not know in the path.
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return 'unknown field: an anchor holds only the fields the extension writes';
  }
  return issue.message;
}

/** A value from the file, quoted and cut short so a message stays readable. */
function brief(x: unknown): string {
  if (x === undefined) return 'missing';
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
export function parseBackup(text: string): Result<BackupV1, BackupError> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail('', 'the file is empty');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: jsonError(body, error) };
  }
  if (!isRecord(data)) return fail('', 'not a Touchpoint Auditor backup: expected a JSON object');
  if (data.format !== BACKUP_FORMAT) {
    const got = brief(data.format);
    return fail(
      'format',
      `not a Touchpoint Auditor backup (format is ${got}, expected "${BACKUP_FORMAT}")`,
    );
  }
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return fail(
      'version',
      `this backup was made by a newer version (${version}); update the extension`,
    );
  }
  if (version !== BACKUP_VERSION) {
    return fail(
      'version',
      `unsupported backup version (${brief(version)}); expected ${BACKUP_VERSION}`,
    );
  }
  const result = v.safeParse(backupV1Schema, data, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    return fail(renderPath(keys), issueMessage(issue));
  }
  const value: BackupV1 = result.output;
  return { ok: true, value };
}
