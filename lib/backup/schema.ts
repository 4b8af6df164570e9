import * as v from 'valibot';
import { MAX_ID_LENGTH, type ScoreValue } from '../model';
import { anchorSchema } from '../model/anchor-schema';
import { IMAGE_MIMES } from '../capture/image-header';
import { MAX_SCALE_STEPS, SCALE_BOUND, scaleProblem } from '../rubric/scale';
import { CHANNELS, STAGES } from '../taxonomy';
import { MAX_LIST_ITEMS, MAX_RECORDS, MAX_TEXT_LENGTH } from './limits';
import { BACKUP_FORMAT, BACKUP_VERSION, type Table } from './types';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * Standard base64 with padding and no line breaks, checked without a repeating regex group:
 * images run to megabytes, and a backtracking pattern over them could exhaust the regex stack.
 */
export function isBase64(s: string): boolean {
  if (s.length % 4 !== 0 || NOT_BASE64.test(s)) return false;
  const pad = s.indexOf('=');
  return pad === -1 || (pad >= s.length - 2 && !s.slice(pad).replace(/=/g, ''));
}

const listOf = (ids: readonly string[]): string => ids.map((id) => `"${id}"`).join(', ');

/** Any non-empty string of up to 200 characters: UUIDs, seeded ids, ids of other tools. */
export const idSchema = v.pipe(
  v.string(`expected an id (a non-empty string of up to ${MAX_ID_LENGTH} characters)`),
  v.nonEmpty('expected an id, not an empty string'),
  v.maxLength(MAX_ID_LENGTH, `expected an id of at most ${MAX_ID_LENGTH} characters`),
);

const timeMessage = 'expected an ISO 8601 time such as 2026-11-22T10:15:00.000Z';

/** An ISO 8601 date-time with a zone (`Z` or an offset) that `Date.parse` understands. */
export const isoTimeSchema = v.pipe(
  v.string(timeMessage),
  v.regex(ISO_TIME, timeMessage),
  v.check((s) => !Number.isNaN(Date.parse(s)), timeMessage),
);

/** A string of at most `max` characters. */
const textOf = (max: number, what = 'expected a string') =>
  v.pipe(v.string(what), v.maxLength(max, `expected a string of at most ${max} characters`));
const text = textOf(MAX_TEXT_LENGTH);
const nullableText = v.nullable(textOf(MAX_TEXT_LENGTH, 'expected a string or null'));
const flag = v.boolean('expected true or false');
const tombstone = v.optional(v.boolean('expected true or false (a tombstone flag)'));
const finite = (what = 'expected a number') => v.pipe(v.number(what), v.finite(what));
const nonNegative = v.pipe(finite('expected a number ≥ 0'), v.minValue(0, 'expected a number ≥ 0'));
const integer = (what: string) => v.pipe(v.number(what), v.integer(what));
const listSchema = <T extends v.GenericSchema>(item: T, max = MAX_LIST_ITEMS) =>
  v.pipe(
    v.array(item, 'expected a list'),
    v.maxLength(max, `expected a list of at most ${max} items`),
  );
/** A table of records, capped at its {@link MAX_RECORDS} count. */
const tableSchema = <T extends v.GenericSchema>(table: Table, item: T) =>
  listSchema(item, MAX_RECORDS[table]);

/** A score as the file holds it; the exact check against the rubric's scale is cross-record. */
const scoreSchema = v.custom<ScoreValue>(
  (x) => (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'string',
  'expected an integer or "NA"',
);

/**

/** A study record (`Study`). */
export const studySchema = v.object(
  {
    id: idSchema,
    name: text,
    wave: text,
    rubricId: idSchema,
    rubricVersion: v.pipe(
      integer('expected a rubric version (an integer ≥ 1)'),
      v.minValue(1, 'expected a rubric version (an integer ≥ 1)'),
    ),
    brandIds: listSchema(idSchema),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    deleted: tombstone,
  },
  'expected a study object',
);

/** A brand record (`Brand`). */
export const brandSchema = v.object(
  {
    id: idSchema,
    name: text,
    role: v.picklist(['own', 'competitor'], 'expected "own" or "competitor"'),
    domains: listSchema(text),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    deleted: tombstone,
  },
  'expected a brand object',
);

/** A criterion of a rubric (`Criterion`). */
export const criterionSchema = v.object(
  {
    id: idSchema,
    label: text,
    help: text,
    weight: nonNegative,
    appliesTo: v.union(
      [v.literal('all'), listSchema(idSchema)],
      'expected "all" or a list of category ids',
    ),
    critical: flag,
  },
  'expected a criterion object',
);

/** A rubric record (`Rubric`), keyed by id + version. */
export const rubricSchema = v.object(
  {
    id: idSchema,
    version: v.pipe(
      integer('expected a version (an integer ≥ 1)'),
      v.minValue(1, 'expected a version (an integer ≥ 1)'),
    ),
    name: text,
    scale: v.pipe(
      v.object(
        { min: integer('expected an integer'), max: integer('expected an integer') },
        'expected a scale { min, max }',
      ),
      v.check((s) => s.max > s.min, 'expected a scale whose max is greater than its min'),
      v.check(
        (s) => scaleProblem(s) === null,
        `expected a scale within -${SCALE_BOUND}…${SCALE_BOUND} spanning at most ${MAX_SCALE_STEPS} steps`,
      ),
    ),
    criteria: listSchema(criterionSchema),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
  },
  'expected a rubric object',
);

/** An audit record (`Audit`). */
export const auditSchema = v.object(
  {
    id: idSchema,
    studyId: idSchema,
    brandId: idSchema,
    shopper: text,
    scenario: text,
    startedAt: isoTimeSchema,
    endedAt: v.nullable(isoTimeSchema),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    deleted: tombstone,
  },
  'expected an audit object',
);

/** A touchpoint record (`Touchpoint`). */
export const touchpointSchema = v.object(
  {
    id: idSchema,
    auditId: idSchema,
    category: idSchema,
    stage: v.picklist(STAGES, `expected a stage id (${listOf(STAGES)})`),
    channel: v.picklist(CHANNELS, `expected a channel id (${listOf(CHANNELS)})`),
    source: v.picklist(['page', 'manual'], 'expected "page" or "manual"'),
    url: nullableText,
    pageTitle: nullableText,
    anchor: v.nullable(anchorSchema),
    scores: v.pipe(
      v.record(idSchema, scoreSchema, 'expected an object of scores by criterion id'),
      v.check(
        (scores) => Object.keys(scores).length <= MAX_LIST_ITEMS,
        `expected at most ${MAX_LIST_ITEMS} scores`,
      ),
    ),
    notes: text,
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    deleted: tombstone,
  },
  'expected a touchpoint object',
);

/** A screenshot record with its bytes in base64 (`BackupEvidence`). */
export const evidenceSchema = v.object(
  {
    id: idSchema,
    touchpointId: idSchema,
    mime: v.picklist(IMAGE_MIMES, `expected an image type (${listOf(IMAGE_MIMES)})`),
    dataBase64: v.pipe(
      v.string('expected base64-encoded image data'),
      v.check(isBase64, 'expected base64-encoded image data (standard alphabet, padded)'),
    ),
    width: nonNegative,
    height: nonNegative,
    sha256: v.pipe(
      v.string('expected a SHA-256 as 64 hexadecimal digits'),
      v.regex(SHA256, 'expected a SHA-256 as 64 hexadecimal digits'),
    ),
    capturedAt: isoTimeSchema,
    url: nullableText,
  },
  'expected an evidence object',
);

/** The whole of `backup.json` version 1 (docs/FILES.md#backupjson-version-1), shape only. */
export const backupV1Schema = v.object(
  {
    format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
    version: v.literal(BACKUP_VERSION, `expected ${BACKUP_VERSION}`),
    exportedAt: isoTimeSchema,
    studies: tableSchema('studies', studySchema),
    brands: tableSchema('brands', brandSchema),
    rubrics: tableSchema('rubrics', rubricSchema),
    audits: tableSchema('audits', auditSchema),
    touchpoints: tableSchema('touchpoints', touchpointSchema),
    evidence: tableSchema('evidence', evidenceSchema),
  },
  'expected a backup object',
);
