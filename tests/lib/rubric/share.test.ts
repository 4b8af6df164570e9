import { describe, expect, it } from 'vitest';
import { describeProblem, describeProblemAt } from '../../../lib/i18n';
import {
  makeDefaultRubric,
  parseRubricJson,
  rubricFileName,
  rubricToJson,
  RUBRIC_FILE_FORMAT,
} from '../../../lib/rubric';

const now = '2026-11-22T10:00:00.000Z';
const rubric = makeDefaultRubric('2026-01-01T00:00:00.000Z');
const file = JSON.parse(rubricToJson(rubric)) as Record<string, unknown> & {
  criteria: Record<string, unknown>[];
};
/** The exported file with some change made to a copy. */
const edited = (change: (f: typeof file) => void): string => {
  const copy = structuredClone(file);
  change(copy);
  return JSON.stringify(copy);
};

describe('rubricToJson / parseRubricJson', () => {
  it('round-trips a rubric through its file', () => {
    expect(file.format).toBe(RUBRIC_FILE_FORMAT);
    expect(parseRubricJson(rubricToJson(rubric), now)).toEqual({ ok: true, value: rubric });
  });

  it('accepts a bare rubric object (as in backup.json) and fills missing optional fields', () => {
    const bare = edited((f) => {
      delete f.format;
      delete f.createdAt;
      delete f.updatedAt;
      delete f.criteria[0]!.help;
      delete f.criteria[0]!.critical;
    });
    const result = parseRubricJson(bare, now);
    expect(result.ok && result.value.createdAt).toBe(now);
    expect(result.ok && result.value.criteria[0]).toMatchObject({ help: '', critical: false });
  });

  it.each<[string, string, string]>([
    [
      'a negative weight',
      edited((f) => (f.criteria[2]!.weight = -1)),
      'criteria[2].weight: expected a number ≥ 0',
    ],
    [
      'a weight given as text',
      edited((f) => (f.criteria[0]!.weight = '1')),
      'criteria[0].weight: expected a number ≥ 0',
    ],
    [
      'an empty criterion id',
      edited((f) => (f.criteria[1]!.id = '')),
      'criteria[1].id: expected an id (a non-empty string of up to 200 characters)',
    ],
    [
      'a fractional scale bound',
      edited((f) => (f.scale = { min: 1.5, max: 5 })),
      'scale.min: expected an integer',
    ],
    ['version 0', edited((f) => (f.version = 0)), 'version: expected a version (an integer ≥ 1)'],
    [
      'a bad appliesTo',
      edited((f) => (f.criteria[3]!.appliesTo = 'some')),
      'criteria[3].appliesTo: expected "all" or a list of category ids',
    ],
    [
      'another format',
      edited((f) => (f.format = 'something-else')),
      `format: expected "${RUBRIC_FILE_FORMAT}"`,
    ],
    ['criteria not a list', edited((f) => (f.criteria = {} as never)), 'criteria: expected a list'],
    [
      'min not below max',
      edited((f) => (f.scale = { min: 5, max: 5 })),
      'scale.min: The minimum (5) must be below the maximum (5).',
    ],
    [
      'no criteria',
      edited((f) => (f.criteria = [])),
      'criteria: The rubric has no criteria: add at least one.',
    ],
    [
      'every weight 0',
      edited((f) => f.criteria.forEach((c) => (c.weight = 0))),
      'criteria: Every weight is 0: give at least one criterion a weight above 0.',
    ],
    [
      'duplicate criterion ids',
      edited((f) => (f.criteria[4]!.id = 'speed')),
      'criteria[4].id: Another criterion already uses the id “speed”.',
    ],
    ['not an object', '[1, 2]', 'expected a rubric object'],
  ])('refuses %s, saying where', (_name, json, expected) => {
    const result = parseRubricJson(json, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map(describeProblemAt)).toContain(expected);
  });

  it('refuses text that is not JSON', () => {
    const result = parseRubricJson('{"id": ', now);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(describeProblem(result.error[0]!)).toMatch(/^the file is not valid JSON/);
  });

  it('reports every problem of a file, not only the first', () => {
    const result = parseRubricJson(
      edited((f) => {
        f.criteria[0]!.weight = -2;
        f.criteria[5]!.label = 7;
      }),
      now,
    );
    expect(!result.ok && result.error.map((e) => e.path)).toEqual([
      'criteria[0].weight',
      'criteria[5].label',
    ]);
  });

  it.each([
    ['Default touchpoint rubric', 1, 'rubric-default-touchpoint-rubric-v1.json'],
    ['Ça va? ★', 3, 'rubric-a-va-v3.json'],
    ['★', 2, 'rubric-rubric-v2.json'],
  ])('names the file of "%s" v%i %s', (name, version, expected) => {
    expect(rubricFileName({ ...rubric, name, version })).toBe(expected);
  });
});
