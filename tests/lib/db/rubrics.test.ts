import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  createRubric,
  duplicateRubric,
  getRubric,
  importRubric,
  isRubricUsed,
  listRubricVersions,
  saveRubricEdit,
  seedDefaults,
} from '../../../lib/db';
import type { Rubric } from '../../../lib/model';
import { updateCriterion } from '../../../lib/rubric';
import { t0, t1 } from './brand-fixtures';
import { addAudit, addStudy, addTouchpoint } from './rubric-fixtures';
import { dropDb } from './test-db';

let db: AuditorDb;
let v1: Rubric;

beforeEach(async () => {
  db = new AuditorDb(`rubrics-${crypto.randomUUID()}`);
  await seedDefaults(db, t0);
  v1 = (await getRubric(db, 'default', 1))!;
});
afterEach(() => dropDb(db));

/** The default rubric with the weight of `speed` set to 3. */
const reweighted = () => updateCriterion(v1, 0, { weight: 3 });

describe('isRubricUsed', () => {
  it.each<[string, (db: AuditorDb) => Promise<unknown>, boolean]>([
    ['no study pins it', async () => {}, false],
    ['a study pins it but has no audit', (d) => addStudy(d, 's', 'default', 1), false],
    [
      'a study pins it, its audit has no touchpoint',
      async (d) => {
        await addStudy(d, 's', 'default', 1);
        await addAudit(d, 'a', 's');
      },
      false,
    ],
    [
      'only a deleted touchpoint exists',
      async (d) => {
        await addStudy(d, 's', 'default', 1);
        await addAudit(d, 'a', 's');
        await addTouchpoint(d, 'tp', 'a', { speed: 4 }, true);
      },
      false,
    ],
    [
      'the audit is deleted',
      async (d) => {
        await addStudy(d, 's', 'default', 1);
        await addAudit(d, 'a', 's', true);
        await addTouchpoint(d, 'tp', 'a', { speed: 4 });
      },
      false,
    ],
    [
      'the study pins another version',
      async (d) => {
        await addStudy(d, 's', 'default', 2);
        await addAudit(d, 'a', 's');
        await addTouchpoint(d, 'tp', 'a', {});
      },
      false,
    ],
    [
      'a live touchpoint of a pinning study exists',
      async (d) => {
        await addStudy(d, 's', 'default', 1);
        await addAudit(d, 'a', 's');
        await addTouchpoint(d, 'tp', 'a', {});
      },
      true,
    ],
  ])('is %s → %s', async (_name, setup, expected) => {
    await setup(db);
    expect(await isRubricUsed(db, 'default', 1)).toBe(expected);
  });
});

describe('saveRubricEdit', () => {
  it('updates an unused version in place', async () => {
    const result = await saveRubricEdit(db, reweighted(), t1);
    expect(result).toMatchObject({
      ok: true,
      value: {
        outcome: 'updated',
        rubric: { version: 1, updatedAt: t1.toISOString(), createdAt: v1.createdAt },
      },
    });
    expect(
      (await listRubricVersions(db, 'default')).map((r) => [r.version, r.criteria[0]?.weight]),
    ).toEqual([[1, 3]]);
  });

  it('keeps a used version untouched and saves the edit as version 2; the study stays pinned to 1', async () => {
    await addStudy(db, 's', 'default', 1);
    await addAudit(db, 'a', 's');
    const tp = await addTouchpoint(db, 'tp', 'a', { speed: 2 });
    const result = await saveRubricEdit(db, reweighted(), t1);
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: 'version', rubric: { version: 2, createdAt: t1.toISOString() } },
    });
    expect(await getRubric(db, 'default', 1)).toEqual(v1);
    expect((await getRubric(db, 'default', 2))?.criteria[0]?.weight).toBe(3);
    expect((await db.studies.get('s'))?.rubricVersion).toBe(1);
    expect(await db.touchpoints.get('tp')).toEqual(tp);
  });

  it('makes a new version when the edited one is no longer the newest', async () => {
    await addStudy(db, 's', 'default', 1);
    await addAudit(db, 'a', 's');
    await addTouchpoint(db, 'tp', 'a', {});
    await saveRubricEdit(db, reweighted(), t1);
    // v2 is unused, but an edit based on v1 must not overwrite it.
    const result = await saveRubricEdit(db, { ...v1, name: 'Renamed' }, t1);
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: 'version', rubric: { version: 3, name: 'Renamed' } },
    });
    const again = await saveRubricEdit(
      db,
      { ...(await getRubric(db, 'default', 3))!, name: 'Renamed twice' },
      t1,
    );
    expect(again).toMatchObject({
      ok: true,
      value: { outcome: 'updated', rubric: { version: 3 } },
    });
  });

  it('writes nothing when nothing changed', async () => {
    expect(await saveRubricEdit(db, { ...v1 }, t1)).toMatchObject({
      ok: true,
      value: { outcome: 'unchanged' },
    });
    expect(await getRubric(db, 'default', 1)).toEqual(v1);
  });

  it.each<[string, (r: Rubric) => Rubric, string, string]>([
    ['no criteria', (r) => ({ ...r, criteria: [] }), 'criteria', 'no-criteria'],
    [
      'every weight 0',
      (r) => ({ ...r, criteria: r.criteria.map((c) => ({ ...c, weight: 0 })) }),
      'criteria',
      'all-weights-zero',
    ],
    [
      'a duplicate id',
      (r) => updateCriterion(r, 1, { id: 'speed' }),
      'criteria[1].id',
      'duplicate-id',
    ],
    ['min ≥ max', (r) => ({ ...r, scale: { min: 5, max: 1 } }), 'scale.min', 'min-not-below-max'],
    [
      'a negative weight',
      (r) => updateCriterion(r, 2, { weight: -1 }),
      'criteria[2].weight',
      'negative-weight',
    ],
  ])('refuses %s and writes nothing', async (_name, change, path, code) => {
    const result = await saveRubricEdit(db, change(v1), t1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.map((i) => [i.path, i.code])).toContainEqual([path, code]);
    expect(await listRubricVersions(db, 'default')).toEqual([v1]);
  });
});

describe('creating, duplicating and importing rubrics', () => {
  it('creates a rubric under a UUID as version 1', async () => {
    const result = await createRubric(
      db,
      { name: 'Chat', scale: { min: 0, max: 1 }, criteria: v1.criteria.slice(0, 2) },
      t1,
    );
    expect(result.ok && result.value.rubric).toMatchObject({
      version: 1,
      name: 'Chat',
      createdAt: t1.toISOString(),
    });
    expect(result.ok && result.value.rubric.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('duplicates a version into a new rubric, leaving the source as it was', async () => {
    const copy = await duplicateRubric(db, 'default', 1, 'Copy', t1);
    expect(copy).toMatchObject({ version: 1, name: 'Copy', criteria: v1.criteria });
    expect(copy?.id).not.toBe('default');
    expect(await getRubric(db, 'default', 1)).toEqual(v1);
    expect(await duplicateRubric(db, 'default', 7, 'x', t1)).toBeUndefined();
  });

  it('imports a new rubric as is, the same one as a no-op, and a clashing one as a copy', async () => {
    const shared: Rubric = { ...v1, id: 'shared', name: 'Shared' };
    expect((await importRubric(db, shared, t1)).outcome).toBe('added');
    expect(await getRubric(db, 'shared', 1)).toEqual(shared);
    expect((await importRubric(db, shared, t1)).outcome).toBe('unchanged');
    const clash = await importRubric(db, { ...shared, name: 'Other' }, t1);
    expect(clash.outcome).toBe('copied');
    expect(clash.rubric).toMatchObject({ version: 1, name: 'Other' });
    expect(clash.rubric.id).not.toBe('shared');
    expect(await getRubric(db, 'shared', 1)).toEqual(shared);
  });
});
