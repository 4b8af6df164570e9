// @vitest-environment node
// Backup version 2 (docs/FILES.md): waves, review, re-audit links, comments and custom
// categories travel; version-1 files still import, each study into one wave.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBackup } from '../../../lib/backup';
import { exportBackup } from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import { AuditorDb, getStudyTally, seedDefaults, waveTally } from '../../../lib/db';
import { dropDb } from '../db/test-db';
import { audit, brands, rubric, study, T0, touchpoint } from '../export/fixtures';
import { dump, freshDb, seed } from './db-fixtures';
import { NOW, sampleData } from './fixtures';
import { said } from './said';

let db: AuditorDb;
beforeEach(async () => {
  db = freshDb();
  await seedDefaults(db, NOW);
});
afterEach(() => dropDb(db));

const twoWaves = { ...study, wave: '2027-Q1', waves: ['2026-Q4', '2027-Q1'] };

/** A study in two waves: the own brand audited in both, the second re-auditing the first. */
function twoWaveData() {
  return {
    ...sampleData(),
    studies: [twoWaves],
    rubrics: [rubric],
    categories: [
      {
        id: 'gift_wrap',
        label: 'Gift wrapping',
        defaultStage: 'post_purchase' as const,
        createdAt: T0,
        updatedAt: T0,
      },
    ],
    audits: [
      audit('a-q4', 'b-own', '2026-11-22T09:00:00.000Z', {
        endedAt: '2026-11-22T09:30:00.000Z',
        review: 'approved',
        reviewedBy: 'Lead',
        reviewedAt: '2026-11-22T11:00:00.000Z',
        submitNote: 'The chat was closed, no way to score it',
      }),
      audit('a-q1', 'b-own', '2026-11-22T10:00:00.000Z', { wave: '2027-Q1' }),
    ],
    touchpoints: [
      touchpoint('t-old', 'a-q4', '2026-11-22T09:05:00.000Z', { scores: { speed: 2 } }),
      touchpoint('t-new', 'a-q1', '2026-11-22T10:05:00.000Z', {
        scores: { speed: 5 },
        previousId: 't-old',
        relocatedBy: 'text',
        textChanged: true,
        comments: [{ id: 'c1', at: '2026-11-22T11:00:00.000Z', by: 'Lead', text: 'Nice' }],
      }),
    ],
    evidence: [],
  };
}

describe('backup version 2', () => {
  it('writes version 2 and gives waves, review, links, comments and categories back', async () => {
    const text = JSON.stringify(toBackup(twoWaveData(), NOW));
    expect(JSON.parse(text)).toMatchObject({ version: 2 });
    const result = await importBackup(db, text, NOW);
    expect(result).toMatchObject({ ok: true });
    expect(await db.studies.get('study-1')).toMatchObject({
      wave: '2027-Q1',
      waves: ['2026-Q4', '2027-Q1'],
      requireReview: false,
    });
    expect(await db.audits.get('a-q4')).toMatchObject({
      wave: '2026-Q4',
      review: 'approved',
      reviewedBy: 'Lead',
      submitNote: 'The chat was closed, no way to score it',
    });
    expect(await db.touchpoints.get('t-new')).toMatchObject({
      previousId: 't-old',
      relocatedBy: 'text',
      textChanged: true,
      comments: [{ id: 'c1', by: 'Lead', text: 'Nice' }],
    });
    expect(await db.categories.get('gift_wrap')).toMatchObject({
      label: 'Gift wrapping',
      builtin: false,
    });
    // Each wave's totals hold its own touchpoint only.
    const kept = await getStudyTally(db, 'study-1', NOW);
    expect(waveTally(kept, '2026-Q4')['b-own']?.categories.live_chat?.sumPct).toBe(25);
    expect(waveTally(kept, '2027-Q1')['b-own']?.categories.live_chat?.sumPct).toBe(100);
    // And out again: the same records.
    const again = JSON.parse(await (await exportBackup(db, NOW)).blob.text());
    const first = JSON.parse(text);
    const byId = (records: { id: string }[]) =>
      [...records].sort((a, b) => a.id.localeCompare(b.id));
    for (const table of ['categories', 'audits', 'touchpoints'])
      expect(byId(again[table]), table).toEqual(byId(first[table]));
  });

  it('imports a version-1 file into one wave per study', async () => {
    const v1 = JSON.parse(JSON.stringify(toBackup(sampleData(), NOW)));
    v1.version = 1;
    delete v1.categories;
    for (const s of v1.studies) {
      delete s.waves;
      delete s.requireReview;
    }
    for (const a of v1.audits) {
      delete a.wave;
      delete a.purpose;
      delete a.review;
    }
    v1.audits[0].endedAt = '2026-11-22T12:00:00.000Z';
    v1.audits[1].endedAt = null;
    const result = await importBackup(db, JSON.stringify(v1), NOW);
    expect(result).toMatchObject({ ok: true });
    expect(await db.studies.get('study-1')).toMatchObject({
      waves: ['2026-Q4'],
      requireReview: false,
    });
    const audits = await db.audits.toArray();
    expect(audits.every((a) => a.wave === '2026-Q4' && a.purpose === 'audit')).toBe(true);
    // Ended audits were handed in; running ones are still in progress.
    expect(audits.map((a) => [a.id, a.review])).toEqual(
      audits.map((a) => [a.id, a.endedAt === null ? 'in_progress' : 'submitted']),
    );
    expect(new Set(audits.map((a) => a.review))).toEqual(new Set(['in_progress', 'submitted']));
  });

  it("puts a version-1 audit of a stored study in that study's open wave", async () => {
    await db.studies.put(twoWaves);
    await db.brands.bulkPut(brands);
    await db.rubrics.put(rubric);
    const v1 = {
      format: 'touchpoint-auditor-backup',
      version: 1,
      exportedAt: T0,
      studies: [],
      brands: [],
      rubrics: [],
      audits: [
        { ...audit('a-old', 'b-ru', T0), wave: undefined, purpose: undefined, review: undefined },
      ],
      touchpoints: [],
      evidence: [],
    };
    expect(await importBackup(db, JSON.stringify(v1), NOW)).toMatchObject({ ok: true });
    expect(await db.audits.get('a-old')).toMatchObject({ wave: '2027-Q1', review: 'in_progress' });
  });

  it('refuses an audit in a wave its study does not have, and writes nothing', async () => {
    await seed(db);
    const before = await dump(db);
    const data = twoWaveData();
    data.audits[1]!.wave = '2031-Q9';
    const result = await importBackup(db, JSON.stringify(toBackup(data, NOW)), NOW);
    expect(!result.ok && said(result.error)).toEqual({
      path: 'audits[1].wave',
      message: 'wave "2031-Q9" is not a wave of study "study-1"',
    });
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a custom category that takes a built-in id', async () => {
    const data = twoWaveData();
    data.categories[0]!.id = 'live_chat';
    const result = await importBackup(db, JSON.stringify(toBackup(data, NOW)), NOW);
    expect(!result.ok && said(result.error)).toEqual({
      path: 'categories[0].id',
      message: '"live_chat" is a built-in category; a custom one needs an id of its own',
    });
  });

  it('refuses an unknown review state, naming the states', async () => {
    const file = JSON.parse(JSON.stringify(toBackup(twoWaveData(), NOW)));
    file.audits[0].review = 'done';
    const result = await importBackup(db, JSON.stringify(file), NOW);
    expect(!result.ok && said(result.error)).toEqual({
      path: 'audits[0].review',
      message: 'expected a review state ("in_progress", "submitted", "returned", "approved")',
    });
  });
});
