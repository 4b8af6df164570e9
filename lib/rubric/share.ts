import * as v from 'valibot';
import { MAX_ID_LENGTH, type Rubric } from '../model';
import { ok, problem, refuse, type Problem, type ProblemParams, type Result } from '../result';
import { validateRubric } from './validate';

/** The marker an exported rubric file carries; a plain rubric object (from a backup) is accepted too. */
export const RUBRIC_FILE_FORMAT = 'touchpoint-auditor-rubric';

// valibot carries the problem code (`share.expect.*`, also its message key) as its issue
// message; the parameters a code needs to be described are kept beside it.
const paramsOf = new Map<string, ProblemParams>();
const m = (code: string, params?: ProblemParams): string => {
  if (params) paramsOf.set(code, params);
  return code;
};

const id = v.pipe(
  v.string(m('share.expect.id', { max: MAX_ID_LENGTH })),
  v.nonEmpty(m('share.expect.id', { max: MAX_ID_LENGTH })),
  v.maxLength(MAX_ID_LENGTH, m('share.expect.id', { max: MAX_ID_LENGTH })),
);
const text = v.string(m('share.expect.string'));
const integer = v.pipe(v.number(m('share.expect.integer')), v.integer(m('share.expect.integer')));
const time = v.optional(
  v.pipe(v.string(m('share.expect.time')), v.isoTimestamp(m('share.expect.time'))),
);

const criterionSchema = v.object(
  {
    id,
    label: text,
    help: v.optional(text, ''),
    weight: v.pipe(
      v.number(m('share.expect.weight')),
      v.finite(m('share.expect.weight')),
      v.minValue(0, m('share.expect.weight')),
    ),
    appliesTo: v.union([v.literal('all'), v.array(id)], m('share.expect.appliesTo')),
    critical: v.optional(v.boolean(m('share.expect.boolean')), false),
  },
  m('share.expect.criterion'),
);

const fileSchema = v.object(
  {
    format: v.optional(
      v.literal(RUBRIC_FILE_FORMAT, m('share.expect.format', { format: RUBRIC_FILE_FORMAT })),
    ),
    id,
    version: v.pipe(integer, v.minValue(1, m('share.expect.version'))),
    name: text,
    scale: v.object({ min: integer, max: integer }, m('share.expect.scale')),
    criteria: v.array(criterionSchema, m('share.expect.list')),
    createdAt: time,
    updatedAt: time,
  },
  m('share.expect.rubric'),
);

/** `criteria[2].weight` from valibot's path items. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

/** The file's text for one rubric: pretty JSON with the format marker first. */
export function rubricToJson(rubric: Rubric): string {
  const { id: rubricId, version, name, scale, criteria, createdAt, updatedAt } = rubric;
  return `${JSON.stringify(
    {
      format: RUBRIC_FILE_FORMAT,
      id: rubricId,
      version,
      name,
      scale,
      criteria,
      createdAt,
      updatedAt,
    },
    null,
    2,
  )}\n`;
}

/** A download name such as `rubric-default-touchpoint-rubric-v2.json`. */
export function rubricFileName(rubric: Rubric): string {
  const slug =
    rubric.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'rubric';
  return `rubric-${slug.slice(0, 60)}-v${rubric.version}.json`;
}

/**
 * Reads a shared rubric file: JSON syntax, then shape and types (valibot), then the rubric
 * rules (`validateRubric`: criteria present, ids unique, some weight above 0, min < max).
 * Fails with every problem of the file, each with its `path` (`criteria[2].weight`; none for
 * the whole file). `now` fills missing times. Pure: writing the result is the caller's business.
 */
export function parseRubricJson(json: string, now: string): Result<Rubric, Problem[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse([problem('share.expect.json', { reason })]);
  }
  // valibot's object() takes arrays for objects; a list is not a rubric file.
  if (Array.isArray(raw)) return refuse([problem('share.expect.rubric')]);
  const parsed = v.safeParse(fileSchema, raw);
  if (!parsed.success) {
    return refuse(
      parsed.issues.map((i) => problem(i.message, paramsOf.get(i.message), pathOf(i) || undefined)),
    );
  }
  const { format: _format, createdAt, updatedAt, ...fields } = parsed.output;
  const rubric: Rubric = { ...fields, createdAt: createdAt ?? now, updatedAt: updatedAt ?? now };
  const issues = validateRubric(rubric);
  return issues.length > 0 ? refuse(issues) : ok(rubric);
}
