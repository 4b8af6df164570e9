import * as v from 'valibot';
import { MAX_ID_LENGTH, type ScoreValue } from '../model';
import { anchorSchema } from '../model/anchor-schema';
import { IMAGE_MIMES } from '../capture/image-header';
import { SENSITIVE_KINDS } from '../capture/redact/kinds';
import { expectMessage as m } from '../result';
import { MAX_SCALE_STEPS, SCALE_BOUND, scaleProblem } from '../rubric/scale';
import { CHANNELS, STAGES } from '../taxonomy';
import { MAX_LIST_ITEMS, MAX_RECORDS, MAX_TEXT_LENGTH } from './limits';
import { BACKUP_FORMAT, type Table } from './types';

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
  v.string(m('backup.expect.id', { max: MAX_ID_LENGTH })),
  v.nonEmpty(m('backup.expect.id-empty')),
  v.maxLength(MAX_ID_LENGTH, m('backup.expect.id-length', { max: MAX_ID_LENGTH })),
);

const timeMessage = m('backup.expect.time');

/** An ISO 8601 date-time with a zone (`Z` or an offset) that `Date.parse` understands. */
export const isoTimeSchema = v.pipe(
  v.string(timeMessage),
  v.regex(ISO_TIME, timeMessage),
  v.check((s) => !Number.isNaN(Date.parse(s)), timeMessage),
);

/** A string of at most `max` characters. */
const textOf = (max: number, what = m('backup.expect.string')) =>
  v.pipe(v.string(what), v.maxLength(max, m('backup.expect.string-length', { max })));
const text = textOf(MAX_TEXT_LENGTH);
const nullableText = v.nullable(textOf(MAX_TEXT_LENGTH, m('backup.expect.string-or-null')));
const flag = v.boolean(m('backup.expect.boolean'));
const tombstone = v.optional(v.boolean(m('backup.expect.tombstone')));
const nonNegativeMessage = m('backup.expect.non-negative');
const nonNegative = v.pipe(
  v.number(nonNegativeMessage),
  v.finite(nonNegativeMessage),
  v.minValue(0, nonNegativeMessage),
);
const integer = (what: string) => v.pipe(v.number(what), v.integer(what));
const listSchema = <T extends v.GenericSchema>(item: T, max = MAX_LIST_ITEMS) =>
  v.pipe(
    v.array(item, m('backup.expect.list')),
    v.maxLength(max, m('backup.expect.list-length', { max })),
  );
/** A table of records, capped at its {@link MAX_RECORDS} count. */
const tableSchema = <T extends v.GenericSchema>(table: Table, item: T) =>
  listSchema(item, MAX_RECORDS[table]);

/** A score as the file holds it; the exact check against the rubric's scale is cross-record. */
const scoreSchema = v.custom<ScoreValue>(
  (x) => (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'string',
  m('backup.expect.score'),
);

const studyV1Entries = {
  id: idSchema,
  name: text,
  wave: text,
  rubricId: idSchema,
  rubricVersion: v.pipe(
    integer(m('backup.expect.rubric-version')),
    v.minValue(1, m('backup.expect.rubric-version')),
  ),
  brandIds: listSchema(idSchema),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  deleted: tombstone,
};

/** A study record of a version-1 file: one wave, no review. */
export const studyV1Schema = v.object(studyV1Entries, m('backup.expect.study'));

/** A study record (`Study`). */
export const studySchema = v.object(
  {
    ...studyV1Entries,
    waves: v.pipe(
      listSchema(text),
      v.minLength(1, m('backup.expect.waves')),
      v.check((w) => new Set(w).size === w.length, m('backup.expect.waves-unique')),
    ),
    requireReview: flag,
  },
  m('backup.expect.study'),
);

/** A brand record (`Brand`). */
export const brandSchema = v.object(
  {
    id: idSchema,
    name: text,
    role: v.picklist(['own', 'competitor'], m('backup.expect.role')),
    domains: listSchema(text),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    deleted: tombstone,
  },
  m('backup.expect.brand'),
);

/** A criterion of a rubric (`Criterion`). */
export const criterionSchema = v.object(
  {
    id: idSchema,
    label: text,
    help: text,
    weight: nonNegative,
    appliesTo: v.union([v.literal('all'), listSchema(idSchema)], m('backup.expect.applies-to')),
    critical: flag,
  },
  m('backup.expect.criterion'),
);

/** A rubric record (`Rubric`), keyed by id + version. */
export const rubricSchema = v.object(
  {
    id: idSchema,
    version: v.pipe(integer(m('backup.expect.version')), v.minValue(1, m('backup.expect.version'))),
    name: text,
    scale: v.pipe(
      v.object(
        {
          min: integer(m('backup.expect.integer')),
          max: integer(m('backup.expect.integer')),
        },
        m('backup.expect.scale'),
      ),
      v.check((s) => s.max > s.min, m('backup.expect.scale-order')),
      v.check(
        (s) => scaleProblem(s) === null,
        m('backup.expect.scale-bounds', { bound: SCALE_BOUND, steps: MAX_SCALE_STEPS }),
      ),
    ),
    criteria: listSchema(criterionSchema),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
  },
  m('backup.expect.rubric'),
);

const auditV1Entries = {
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
};

/** An audit record of a version-1 file: no wave, purpose or review yet. */
export const auditV1Schema = v.object(auditV1Entries, m('backup.expect.audit'));

const REVIEW_STATES = ['in_progress', 'submitted', 'returned', 'approved'] as const;

/** An audit record (`Audit`). */
export const auditSchema = v.object(
  {
    ...auditV1Entries,
    wave: text,
    purpose: v.picklist(['audit', 'calibration'], m('backup.expect.purpose')),
    review: v.picklist(REVIEW_STATES, m('backup.expect.review', { ids: listOf(REVIEW_STATES) })),
    reviewedBy: v.optional(text),
    reviewedAt: v.optional(isoTimeSchema),
    submitNote: v.optional(text),
  },
  m('backup.expect.audit'),
);

const touchpointV1Entries = {
  id: idSchema,
  auditId: idSchema,
  category: idSchema,
  stage: v.picklist(STAGES, m('backup.expect.stage', { ids: listOf(STAGES) })),
  channel: v.picklist(CHANNELS, m('backup.expect.channel', { ids: listOf(CHANNELS) })),
  source: v.picklist(['page', 'manual'], m('backup.expect.source')),
  url: nullableText,
  pageTitle: nullableText,
  anchor: v.nullable(anchorSchema),
  scores: v.pipe(
    v.record(idSchema, scoreSchema, m('backup.expect.scores')),
    v.check(
      (scores) => Object.keys(scores).length <= MAX_LIST_ITEMS,
      m('backup.expect.scores-count', { max: MAX_LIST_ITEMS }),
    ),
  ),
  notes: text,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  deleted: tombstone,
};

/** A touchpoint record of a version-1 file. */
export const touchpointV1Schema = v.object(touchpointV1Entries, m('backup.expect.touchpoint'));

const RELOCATED_BY = ['css', 'text', 'position', 'none'] as const;
const EVIDENCE_MOMENTS = ['pick', 'save'] as const;

/** A review comment on a touchpoint (`ReviewComment`). */
const commentSchema = v.object(
  { id: idSchema, at: isoTimeSchema, by: text, text },
  m('backup.expect.comment'),
);

/** What a screenshot covered of one kind of personal data (`Redaction`). */
const redactionSchema = v.object(
  {
    kind: v.picklist(
      SENSITIVE_KINDS,
      m('backup.expect.redaction-kind', { ids: listOf(SENSITIVE_KINDS) }),
    ),
    count: v.pipe(
      integer(m('backup.expect.redaction-count')),
      v.minValue(1, m('backup.expect.redaction-count')),
    ),
    uncovered: v.optional(flag),
  },
  m('backup.expect.redaction'),
);

/** A touchpoint record (`Touchpoint`). */
export const touchpointSchema = v.object(
  {
    ...touchpointV1Entries,
    previousId: v.optional(idSchema),
    relocatedBy: v.optional(
      v.picklist(RELOCATED_BY, m('backup.expect.relocated-by', { ids: listOf(RELOCATED_BY) })),
    ),
    textChanged: v.optional(flag),
    calibrationKey: v.optional(idSchema),
    comments: v.optional(listSchema(commentSchema)),
    changedAfterPick: v.optional(flag),
    redactions: v.optional(
      v.pipe(
        listSchema(redactionSchema, SENSITIVE_KINDS.length),
        v.check(
          (list) => new Set(list.map((r) => r.kind)).size === list.length,
          m('backup.expect.redactions-unique'),
        ),
      ),
    ),
  },
  m('backup.expect.touchpoint'),
);

/** A study's own category (`BackupCategory`). */
export const categorySchema = v.object(
  {
    id: idSchema,
    label: textOf(200),
    defaultStage: v.picklist(STAGES, m('backup.expect.stage', { ids: listOf(STAGES) })),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    deleted: tombstone,
  },
  m('backup.expect.category'),
);

/** A screenshot record with its bytes in base64 (`BackupEvidence`). */
export const evidenceSchema = v.object(
  {
    id: idSchema,
    touchpointId: idSchema,
    mime: v.picklist(IMAGE_MIMES, m('backup.expect.mime', { types: listOf(IMAGE_MIMES) })),
    dataBase64: v.pipe(
      v.string(m('backup.expect.base64')),
      v.check(isBase64, m('backup.expect.base64-padded')),
    ),
    width: nonNegative,
    height: nonNegative,
    sha256: v.pipe(v.string(m('backup.expect.sha256')), v.regex(SHA256, m('backup.expect.sha256'))),
    capturedAt: isoTimeSchema,
    url: nullableText,
    moment: v.optional(
      v.picklist(EVIDENCE_MOMENTS, m('backup.expect.moment', { ids: listOf(EVIDENCE_MOMENTS) })),
    ),
  },
  m('backup.expect.evidence'),
);

const head = <V extends 1 | 2>(version: V) => ({
  format: v.literal(BACKUP_FORMAT, m('backup.expect.format', { format: BACKUP_FORMAT })),
  version: v.literal(version, m('backup.expect.backup-version', { version })),
  exportedAt: isoTimeSchema,
});

/** The whole of `backup.json` version 1 (docs/FILES.md), shape only. */
export const backupV1Schema = v.object(
  {
    ...head(1),
    studies: tableSchema('studies', studyV1Schema),
    brands: tableSchema('brands', brandSchema),
    rubrics: tableSchema('rubrics', rubricSchema),
    audits: tableSchema('audits', auditV1Schema),
    touchpoints: tableSchema('touchpoints', touchpointV1Schema),
    evidence: tableSchema('evidence', evidenceSchema),
  },
  m('backup.expect.backup'),
);

/** One record of each table as this build writes it (a backup's, a sync document's). */
export const RECORD_SCHEMAS = {
  studies: studySchema,
  brands: brandSchema,
  rubrics: rubricSchema,
  categories: categorySchema,
  audits: auditSchema,
  touchpoints: touchpointSchema,
  evidence: evidenceSchema,
} satisfies Record<Table, v.GenericSchema>;

/** The whole of `backup.json` version 2 (docs/FILES.md), shape only. */
export const backupV2Schema = v.object(
  {
    ...head(2),
    studies: tableSchema('studies', studySchema),
    brands: tableSchema('brands', brandSchema),
    rubrics: tableSchema('rubrics', rubricSchema),
    categories: tableSchema('categories', categorySchema),
    audits: tableSchema('audits', auditSchema),
    touchpoints: tableSchema('touchpoints', touchpointSchema),
    evidence: tableSchema('evidence', evidenceSchema),
  },
  m('backup.expect.backup'),
);
