// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditorDb, getStudyTally, waveTally } from '../../../lib/db';
import {
  loadReportHead,
  pairsOfWave,
  pickReportStudy,
  touchpointsBehind,
} from '../../../lib/report/read';
import { putTouchpoints } from '../../../lib/db';
import { audit, T0, touchpoint } from '../export/fixtures';
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

  it('pairs the selected wave’s re-audits with the touchpoints they re-audit, largest change first', async () => {
    const rubric = sampleData().rubrics[0]!;
    const W2 = '2027-Q1';
    await db.studies.update('study-1', { wave: W2, waves: ['2026-Q4', W2] });
    const study = (await db.studies.get('study-1'))!;
    await db.audits.bulkPut([
      audit('a-own-2', 'b-own', T0, { wave: W2 }),
      audit('a-lv-2', 'b-lv', T0, { wave: W2 }),
      audit('a-cal', 'b-own', T0, { wave: W2, purpose: 'calibration' }),
    ]);
    await db.audits.update('a-own', { brandId: 'b-lv' });
    await putTouchpoints(db, [
      touchpoint('tp-0', 'a-own', T0, { scores: { speed: 1 } }),
      touchpoint('w2-small', 'a-own-2', T0, {
        previousId: 'tp-1',
        relocatedBy: 'css',
        scores: { speed: 4 },
      }),
      touchpoint('w2-big', 'a-lv-2', T0, {
        previousId: 'tp-0',
        relocatedBy: 'text',
        scores: { speed: 5 },
      }),
      touchpoint('w2-gone-prev', 'a-own-2', T0, { previousId: 'tp-2', relocatedBy: 'none' }),
      touchpoint('w2-cal', 'a-cal', T0, { previousId: 'tp-1', scores: { speed: 1 } }),
      touchpoint('w2-new', 'a-own-2', T0, { scores: { speed: 2 } }),
    ]);
    const { pairs, truncated } = await pairsOfWave(db, study, W2, rubric);
    expect(truncated).toBe(false);
    // Brands in study order (b-own, then b-lv); the deleted tp-2 and calibration work left out.
    expect(pairs.map((p) => [p.after.id, p.before.id, p.drift, p.delta])).toEqual([
      ['w2-small', 'tp-1', 'same', -25],
      ['w2-big', 'tp-0', 'moved', 100],
    ]);
    expect(pairs[0]!.beforeEvidence.map((e) => e.id)).toEqual(['ev-1']);
    expect(pairs[0]!.afterEvidence).toEqual([]);
    expect((await pairsOfWave(db, study, '2026-Q4', rubric)).pairs).toEqual([]);
    const capped = await pairsOfWave(db, study, W2, rubric, 0);
    expect(capped).toEqual({ pairs: [], truncated: true });
  });
});
