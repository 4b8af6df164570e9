import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { idSchema } from '@/lib/backup/schema';
import { MAX_ID_LENGTH } from '@/lib/model';
import { makeDefaultRubric, parseRubricJson, rubricToJson, validateRubric } from '@/lib/rubric';

const now = '2026-11-22T10:00:00.000Z';
const rubric = makeDefaultRubric(now);

/** Every reader of ids from outside, asked whether it takes `id`. */
const readers: [string, (id: string) => boolean][] = [
  ['a backup file', (id) => v.safeParse(idSchema, id).success],
  ['a rubric file', (id) => parseRubricJson(rubricToJson({ ...rubric, id }), now).ok],
  ['the rubric editor', (id) => validateRubric({ ...rubric, id }).length === 0],
];

describe('MAX_ID_LENGTH', () => {
  it('is 200 characters', () => {
    expect(MAX_ID_LENGTH).toBe(200);
  });

  describe.each(readers)('%s', (_reader, accepts) => {
    it.each([
      ['a UUID', '5f0c2b8e-3d1a-4c6f-9e7b-2a4d8c1e0f93', true],
      ['a seeded id', 'default', true],
      ['an id of exactly the limit', 'x'.repeat(MAX_ID_LENGTH), true],
      ['an id one past the limit', 'x'.repeat(MAX_ID_LENGTH + 1), false],
      ['an empty id', '', false],
    ])('%s: %s', (_what, id, ok) => {
      expect(accepts(id)).toBe(ok);
    });
  });
});
