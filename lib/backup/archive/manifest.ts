import * as v from 'valibot';
import { expectMessage as m, ok, problem, type ProblemParams, type Result } from '../../result';
import { MAX_RECORDS } from '../limits';
import { issueProblem, jsonError } from '../parse';
import { isoTimeSchema } from '../schema';
import { BACKUP_TABLES, type Table } from '../types';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_FILE, type ArchiveManifest } from './format';

const count = (table: Table) => {
  const max = MAX_RECORDS[table];
  return v.pipe(
    v.number(m('backup.expect.integer')),
    v.integer(m('backup.expect.integer')),
    v.minValue(0, m('backup.expect.non-negative')),
    v.maxValue(max, m('backup.expect.list-length', { max })),
  );
};

const countsSchema = v.object(
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, count(t)])) as Record<
    Table,
    ReturnType<typeof count>
  >,
  m('backup.expect.backup'),
);

const fail = (code: string, params?: ProblemParams, inner?: string): Result<never> => ({
  ok: false,
  error: problem(code, params, inner ? `${MANIFEST_FILE}: ${inner}` : MANIFEST_FILE),
});

const brief = (x: unknown): string => {
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/**
 * Reads an archive's `manifest.json` (docs/FILES.md#backup-archive): its format, version
 * (a newer one asks the user to update), time and the count of records of every table.
 */
export function parseManifest(text: string): Result<ArchiveManifest> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const found = jsonError(text, error);
    return { ok: false, error: { ...found, path: MANIFEST_FILE } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('backup.not-an-object');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== ARCHIVE_FORMAT) {
    return record.format === undefined
      ? fail('backup.no-format', { format: ARCHIVE_FORMAT }, 'format')
      : fail(
          'backup.wrong-format',
          { got: brief(record.format), format: ARCHIVE_FORMAT },
          'format',
        );
  }
  const version = record.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > ARCHIVE_VERSION) {
    return fail('backup.newer-version', { version }, 'version');
  }
  if (version !== ARCHIVE_VERSION) {
    return fail(
      'backup.unsupported-version',
      { got: brief(version), expected: ARCHIVE_VERSION },
      'version',
    );
  }
  const rest = v.safeParse(v.object({ exportedAt: isoTimeSchema, counts: countsSchema }), record, {
    abortEarly: true,
  });
  if (!rest.success) {
    const found = issueProblem(rest.issues[0]);
    return { ok: false, error: { ...found, path: `${MANIFEST_FILE}: ${found.path ?? ''}` } };
  }
  return ok({
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: rest.output.exportedAt,
    counts: rest.output.counts,
  });
}
