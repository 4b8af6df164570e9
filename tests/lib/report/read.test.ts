// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditorDb, getStudyTally, waveTally } from '../../../lib/db';
import { loadReportHead, pickReportStudy, touchpointsBehind } from '../../../lib/report/read';
import { NOW, sampleData } from '../backup/fixtures';
import { freshDb, seed } from '../backup/db-fixtures';
import { dropDb } from '../db/test-db';

let db: AuditorDb;
beforeEach(async () => {
  db = freshDb();
  await seed(db);
});
afterEach(() => dropDb(db));

describe('the report page’s data', () => {
  it('reads the kept totals for the first render, never a touchpoint', async () => {
    const kept = await getStudyTally(db, 'study-1', NOW);
    const refuse = () => {
      throw new Error('the first render must not read touchpoints');
    };
    for (const method of [
      'get',
      'bulkGet',
      'where',
      'toArray',
      'toCollection',
      'filter',
      'each',
      'count',
    ] as const) {
      Object.defineProperty(db.touchpoints, method, { value: refuse, configurable: true });
    }
    const head = await loadReportHead(db, 'study-1', NOW);
    expect(head?.tally).toEqual(waveTally(kept, '2026-Q4'));
    expect(head?.brands.map((b) => b.id)).toEqual(['b-own', 'b-ru', 'b-lv']);
    expect(head?.rubric).toMatchObject({ id: 'default', version: 1 });
  });

  it('is undefined for a study that does not exist', async () => {
    expect(await loadReportHead(db, 'nope', NOW)).toBeUndefined();
  });

  it.each<[string | null, string[], string | null]>([
    ['study-b', ['study-1', 'study-b'], 'study-b'],
    [null, ['study-1', 'study-b'], null],
    [null, ['study-1'], 'study-1'],
  ])('opens ?study=%s when %j exist → %s', async (asked, live, opened) => {
    for (const s of sampleData().studies)
      if (!live.includes(s.id)) await db.studies.update(s.id, { deleted: true });
    expect((await pickReportStudy(db, asked)).studyId).toBe(opened);
  });

  it('finds the touchpoints behind a row with their evidence, tombstones left out', async () => {
    const rubric = sampleData().rubrics[0]!;
    const found = await touchpointsBehind(
      db,
      'study-1',
      ['b-own'],
      { dimension: 'category', key: 'live_chat' },
      rubric,
    );
    expect(found.map((f) => f.touchpoint.id)).toEqual(['tp-1']);
    expect(found[0]!.evidence.map((e) => e.id)).toEqual(['ev-1']);
    expect(found[0]!.score).toEqual({ pct: 100, criticalFail: false });
    const byCriterion = await touchpointsBehind(
      db,
      'study-1',
      ['b-own'],
      { dimension: 'criterion', key: 'clarity' },
      rubric,
    );
    expect(byCriterion).toEqual([]);
  });
});
