import { afterEach, describe, expect, it } from 'vitest';
import { AuditorDb, seedDefaults } from '../../../lib/db';
import { dropDb } from './test-db';

const now = new Date('2026-11-22T10:15:00.000Z');
let db: AuditorDb;

afterEach(() => dropDb(db));

describe('seeding the defaults', () => {
  it('adds the default rubric and the 27 seeded categories once', async () => {
    db = new AuditorDb(`seed-${crypto.randomUUID()}`);
    expect(await seedDefaults(db, now)).toBe(28);
    expect(await seedDefaults(db, now)).toBe(0);
    expect(await db.rubrics.count()).toBe(1);
    expect(await db.categories.count()).toBe(27);
    const rubric = await db.rubrics.get(['default', 1]);
    expect(rubric?.scale).toEqual({ min: 1, max: 5 });
    expect(
      rubric?.criteria.every((c) => c.weight === 1 && !c.critical && c.appliesTo === 'all'),
    ).toBe(true);
  });

  it('never overwrites a rubric a lead edited, nor re-adds a category', async () => {
    db = new AuditorDb(`seed-${crypto.randomUUID()}`);
    await seedDefaults(db, now);
    await db.rubrics.update(['default', 1], { name: 'Our rubric' });
    await db.categories.delete('other');
    await seedDefaults(db, new Date('2026-12-01T00:00:00.000Z'));
    expect((await db.rubrics.get(['default', 1]))?.name).toBe('Our rubric');
    expect(await db.categories.get('other')).toMatchObject({ id: 'other', builtin: true });
  });

  it('keeps everything when the database is closed and opened again', async () => {
    const name = `seed-${crypto.randomUUID()}`;
    db = new AuditorDb(name);
    await seedDefaults(db, now);
    await db.settings.put({ key: 'shopperName', value: 'Linh' });
    db.close();
    db = new AuditorDb(name);
    expect(await db.rubrics.count()).toBe(1);
    expect(await db.categories.count()).toBe(27);
    expect(await db.settings.get('shopperName')).toEqual({ key: 'shopperName', value: 'Linh' });
  });
});
