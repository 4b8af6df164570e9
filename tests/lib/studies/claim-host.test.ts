import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditorDb } from '../../../lib/db';
import {
  addCompetitorForHost,
  claimHostForBrand,
  hostBrandOfStudy,
} from '../../../lib/studies/claim-host';
import { t1, twoBrandStudy } from '../db/brand-fixtures';
import { dropDb } from '../db/test-db';

let db: AuditorDb;

beforeEach(() => {
  db = new AuditorDb(`brands-${crypto.randomUUID()}`);
});
afterEach(() => dropDb(db));

const study = () => twoBrandStudy(db);

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
