import * as v from 'valibot';
import { expectMessage as m, problem, type Problem, type Result, ok } from '../../result';
import { issueProblem, jsonError } from '../parse';
import { evidenceSchema, RECORD_SCHEMAS } from '../schema';
import type { Table } from '../types';
import type { Line } from './lines';
import { recordsFile } from './format';

/** An evidence line of an archive: a backup's evidence record with `file` for `dataBase64`. */
export const archiveEvidenceSchema = v.object(
  {
    ...v.omit(evidenceSchema, ['dataBase64']).entries,
    file: v.pipe(
      v.string(m('backup.expect.evidence-file')),
      v.regex(/^evidence\/[^/]+\.(?:jpg|png|webp)$/, m('backup.expect.evidence-file')),
    ),
  },
  m('backup.expect.evidence'),
);

/** The record of each table as one line of its JSON-lines file holds it. */
const LINE_SCHEMAS: Record<Table, v.GenericSchema> = {
  ...RECORD_SCHEMAS,
  evidence: archiveEvidenceSchema,
};

/**
 * Where in an archive: `records/touchpoints.jsonl line 1204: scores.speed` (the file, the line,
 * then the path inside the record as a backup.json problem names it).
 */
export const linePath = (table: Table, line: number, inner?: string): string =>
  `${recordsFile(table)} line ${line}${inner ? `: ${inner}` : ''}`;

/**
 * One line of a table's JSON-lines file, parsed and checked against the table's record
 * schema (the same rules as backup.json); a problem names the file and line.
 */
export function parseLine<T>(table: Table, line: Line): Result<T> {
  let data: unknown;
  try {
    data = JSON.parse(line.text);
  } catch (error) {
    const found = jsonError(line.text, error);
    // The scanner saw a one-line text: its line is the file's.
    const params = { ...found.params, line: line.number };
    return { ok: false, error: problem(found.code, params, linePath(table, line.number)) };
  }
  const result = v.safeParse(LINE_SCHEMAS[table], data, { abortEarly: true });
  if (!result.success) {
    const found = issueProblem(result.issues[0]);
    return { ok: false, error: { ...found, path: linePath(table, line.number, found.path) } };
  }
  return ok(result.output as T);
}

const AT_RECORD =
  /^(studies|brands|rubrics|categories|audits|touchpoints|evidence)\[(\d+)\]\.?(.*)$/;

/**
 * A problem `checkBackup` found in a batch of an archive's records, placed in the archive:
 * `touchpoints[12].scores.speed` becomes `records/touchpoints.jsonl line 1204: scores.speed`,
 * with `lineOf` giving the line of the batch's record; a file-level path (`exportedAt`) is the
 * manifest's.
 */
export function placeProblem(
  found: Problem,
  lineOf: (table: Table, index: number) => number,
): Problem {
  if (found.path === undefined) return found;
  const at = AT_RECORD.exec(found.path);
  if (!at) return { ...found, path: `manifest.json: ${found.path}` };
  const table = at[1] as Table;
  return { ...found, path: linePath(table, lineOf(table, Number(at[2])), at[3] || undefined) };
}

/** The `first` parameter of a duplicate id: the line that had it first. */
export const duplicateAt = (table: Table, id: string, line: number, first: number): Problem =>
  problem(
    'backup.duplicate-id',
    { id, first: linePath(table, first) },
    linePath(table, line, 'id'),
  );
