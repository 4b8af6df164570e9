import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditorDb, createBrand, siblingBrands, updateBrand } from '../../../lib/db';
import { t0, t1, twoBrandStudy } from './brand-fixtures';
import { dropDb } from './test-db';

let db: AuditorDb;

beforeEach(() => {
  db = new AuditorDb(`brands-${crypto.randomUUID()}`);
});
afterEach(() => dropDb(db));

const study = () => twoBrandStudy(db);

describe('siblings and edits', () => {
  it('lists the other brands sharing a study', async () => {
    const { own, rival } = await study();
    const loner = await createBrand(db, { name: 'Loner', role: 'competitor', domains: [] }, t0);
    expect((await siblingBrands(db, own.id)).map((b) => b.id)).toEqual([rival.id]);
    expect(await siblingBrands(db, loner.id)).toEqual([]);
    expect(await siblingBrands(db, undefined)).toEqual([]);
  });

  it('updates a brand', async () => {
    const { rival } = await study();
    const next = await updateBrand(db, rival.id, { name: 'Contoso Sports' }, t1);
    expect(next).toMatchObject({
      name: 'Contoso Sports',
      updatedAt: t1.toISOString(),
      createdAt: t0.toISOString(),
    });
  });
});
