import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCustomCategory,
  AuditorDb,
  getRubric,
  listCategories,
  moveStudyToRubricVersion,
  planStudyRubricMove,
  saveRubricEdit,
  seedDefaults,
} from '../../../lib/db';
import { removeCriterion, updateCriterion } from '../../../lib/rubric';
import { t0, t1 } from './brand-fixtures';
import { addAudit, addStudy, addTouchpoint } from './rubric-fixtures';
import { dropDb } from './test-db';

let db: AuditorDb;

beforeEach(async () => {
  db = new AuditorDb(`moves-${crypto.randomUUID()}`);
  await seedDefaults(db, t0);
});
afterEach(() => dropDb(db));

describe('moving a study to another rubric version', () => {
  beforeEach(async () => {
    await addStudy(db, 's', 'default', 1);
    await addAudit(db, 'a', 's');
    await addTouchpoint(db, 'tp1', 'a', { speed: 5, clarity: 4 });
    await addTouchpoint(db, 'tp2', 'a', { speed: 'NA', effort: 2 });
    await addTouchpoint(db, 'tp3', 'a', { clarity: 1 }, true);
    const v1 = (await getRubric(db, 'default', 1))!;
    // v2: `speed` removed, `effort` weighted 2, scale 1–3.
    const v2 = {
      ...updateCriterion(removeCriterion(v1, 0), 1, { weight: 2 }),
      scale: { min: 1, max: 3 },
    };
    expect(await saveRubricEdit(db, v2, t1)).toMatchObject({
      ok: true,
      value: { outcome: 'version' },
    });
  });

  it('plans: lists what changes and the touchpoints whose scores stop counting', async () => {
    const plan = (await planStudyRubricMove(db, 's', 2))!;
    expect(plan.diff.removed.map((c) => c.id)).toEqual(['speed']);
    expect(plan.diff.reweighted).toMatchObject([{ id: 'effort', from: 1, to: 2 }]);
    expect(plan.diff.scale).toEqual({ from: { min: 1, max: 5 }, to: { min: 1, max: 3 } });
    expect(plan.touchpoints).toBe(2);
    // tp1: a real `speed` score is lost and clarity 4 is outside 1–3; tp2's speed was N/A.
    expect(plan.affected).toEqual([
      { touchpointId: 'tp1', auditId: 'a', removedScores: ['speed'], outOfScale: ['clarity'] },
    ]);
    expect((await db.studies.get('s'))?.rubricVersion).toBe(1);
  });

  it('moves the pin, leaves touchpoints alone and rebuilds the study totals with the new version', async () => {
    const before = await db.touchpoints.toArray();
    const result = (await moveStudyToRubricVersion(db, 's', 2, t1))!;
    expect(result.previousVersion).toBe(1);
    expect(result.study).toMatchObject({ rubricVersion: 2, updatedAt: t1.toISOString() });
    expect(result.tally?.rubricVersion).toBe(2);
    expect((await db.studies.get('s'))?.rubricVersion).toBe(2);
    expect(await db.touchpoints.toArray()).toEqual(before);
  });

  it('refuses a version that does not exist', async () => {
    expect(await moveStudyToRubricVersion(db, 's', 9, t1)).toBeUndefined();
    expect(await planStudyRubricMove(db, 'nope', 2)).toBeUndefined();
    expect((await db.studies.get('s'))?.rubricVersion).toBe(1);
  });
});

describe('custom categories', () => {
  it('adds a valid one after the seeded taxonomy and refuses a clash with a seeded id', async () => {
    expect(
      await addCustomCategory(db, {
        id: ' gift_wrapping ',
        label: 'Gift wrapping',
        defaultStage: 'post_purchase',
      }),
    ).toMatchObject({ ok: true });
    const all = await listCategories(db);
    expect(all).toHaveLength(28);
    expect(all[27]).toMatchObject({
      id: 'gift_wrapping',
      label: 'Gift wrapping',
      defaultStage: 'post_purchase',
      builtin: false,
    });
    const clash = await addCustomCategory(db, {
      id: 'cart',
      label: 'Cart 2',
      defaultStage: 'purchase',
    });
    expect(!clash.ok && clash.error.map((i) => i.code)).toEqual(['category-seeded-id']);
    const again = await addCustomCategory(db, {
      id: 'gift_wrapping',
      label: 'x',
      defaultStage: 'purchase',
    });
    expect(!again.ok && again.error.map((i) => i.code)).toEqual(['category-duplicate-id']);
    expect(await db.categories.count()).toBe(28);
  });
});
