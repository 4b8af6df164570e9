import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCompetitorForHost,
  AuditorDb,
  claimHostForBrand,
  createBrand,
  createStudy,
  hostBrandOfStudy,
  siblingBrands,
  updateBrand,
} from '../../../lib/db';

let db: AuditorDb;
const t0 = new Date('2026-11-22T10:00:00.000Z');
const t1 = new Date('2026-11-22T11:00:00.000Z');

beforeEach(() => {
  db = new AuditorDb(`brands-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function study() {
  const own = await createBrand(
    db,
    { name: 'Northwind', role: 'own', domains: ['northwind.localhost'] },
    t0,
  );
  const rival = await createBrand(
    db,
    { name: 'Contoso', role: 'competitor', domains: ['contoso.localhost'] },
    t0,
  );
  const s = await createStudy(
    db,
    {
      name: 'Q4',
      wave: '2026-Q4',
      rubricId: 'default',
      rubricVersion: 1,
      brandIds: [own.id, rival.id],
    },
    t0,
  );
  return { own, rival, s };
}

describe('brands on the fly', () => {
  it.each([
    ['shop.northwind.localhost', 'Northwind'],
    ['contoso.localhost', 'Contoso'],
    ['fabrikam.localhost', null],
    ['', undefined],
  ])('the study answers %j with %j', async (host, name) => {
    const { s } = await study();
    const found = await hostBrandOfStudy(db, s.id, host);
    expect(found === null || found === undefined ? found : found.name).toBe(name);
  });

  it('remembers a host for a brand once, with updatedAt moved on', async () => {
    const { own, s } = await study();
    await claimHostForBrand(db, own.id, 'www.Northwind-Shop.localhost', t1);
    const again = await claimHostForBrand(db, own.id, 'northwind-shop.localhost', t1);
    expect(again.domains).toEqual(['northwind.localhost', 'northwind-shop.localhost']);
    expect(again.updatedAt).toBe(t1.toISOString());
    expect((await hostBrandOfStudy(db, s.id, 'northwind-shop.localhost'))?.id).toBe(own.id);
  });

  it('adds a new competitor to the study with the host as its domain', async () => {
    const { s } = await study();
    const made = await addCompetitorForHost(db, s.id, ' Fabrikam ', 'fabrikam.localhost', t1);
    expect(made).toMatchObject({
      name: 'Fabrikam',
      role: 'competitor',
      domains: ['fabrikam.localhost'],
    });
    expect((await db.studies.get(s.id))?.brandIds).toContain(made.id);
    expect((await hostBrandOfStudy(db, s.id, 'fabrikam.localhost'))?.id).toBe(made.id);
  });

  it('refuses what is not a domain', async () => {
    const { own } = await study();
    await expect(claimHostForBrand(db, own.id, 'not a host', t1)).rejects.toThrow(/not a domain/);
  });
});

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
