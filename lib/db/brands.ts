import type { Brand } from '../model';
import { normaliseDomain } from '../studies/validate';
import type { AuditorDb } from './schema';
import { brandForHost, brandsOfStudy } from './studies';

/** Live brands, by name. */
export async function listBrands(db: AuditorDb): Promise<Brand[]> {
  const all = await db.brands.toArray();
  return all.filter((b) => !b.deleted).sort((a, b) => a.name.localeCompare(b.name));
}

/** Edits a brand's name, role or domains; `updatedAt` moves on. */
export async function updateBrand(
  db: AuditorDb,
  id: string,
  changes: Partial<Pick<Brand, 'name' | 'role' | 'domains'>>,
  now: Date,
): Promise<Brand | undefined> {
  return db.transaction('rw', db.brands, async () => {
    const prev = await db.brands.get(id);
    if (!prev) return undefined;
    const next: Brand = { ...prev, ...changes, updatedAt: now.toISOString() };
    await db.brands.put(next);
    return next;
  });
}

/**
 * The other live brands that share a live study with `brandId` (none for a brand not yet
 * stored): what a brand's domains and role are checked against.
 */
export async function siblingBrands(db: AuditorDb, brandId: string | undefined): Promise<Brand[]> {
  if (brandId === undefined) return [];
  const studies = (await db.studies.toArray()).filter(
    (s) => !s.deleted && s.brandIds.includes(brandId),
  );
  const ids = new Set(studies.flatMap((s) => s.brandIds));
  ids.delete(brandId);
  const found = await db.brands.bulkGet([...ids]);
  return found.filter((b): b is Brand => !!b && !b.deleted);
}

/** The host a brand is given when claimed on the fly: normalised, without `www.`. */
export function claimableHost(host: string): string | undefined {
  const result = normaliseDomain(host);
  return result.ok ? result.domain : undefined;
}

/**
 * Whether a study has a brand for a tab's host: the brand, or `null` when the host is
 * unclaimed (then the shopper is asked), or undefined when the host cannot be a brand's
 * (an extension page, a file, an IP-less blank tab).
 */
export async function hostBrandOfStudy(
  db: AuditorDb,
  studyId: string,
  host: string,
): Promise<Brand | null | undefined> {
  if (!claimableHost(host)) return undefined;
  const study = await db.studies.get(studyId);
  if (!study) return undefined;
  return brandForHost(await brandsOfStudy(db, study), host) ?? null;
}

/**
 * Remembers that a host belongs to a brand: adds it (normalised) to the brand's domains.
 * Idempotent; refuses a host that is not a domain.
 */
export async function claimHostForBrand(
  db: AuditorDb,
  brandId: string,
  host: string,
  now: Date,
): Promise<Brand> {
  const domain = claimableHost(host);
  if (!domain) throw new Error(`not a domain: ${host}`);
  return db.transaction('rw', db.brands, async () => {
    const brand = await db.brands.get(brandId);
    if (!brand || brand.deleted) throw new Error(`no brand ${brandId}`);
    if (brandForHost([brand], domain)) return brand;
    const next: Brand = {
      ...brand,
      domains: [...brand.domains, domain],
      updatedAt: now.toISOString(),
    };
    await db.brands.put(next);
    return next;
  });
}

/**
 * A new competitor met while tagging: creates the brand with the host as its domain and adds
 * it to the study's brands, in one transaction.
 */
export async function addCompetitorForHost(
  db: AuditorDb,
  studyId: string,
  name: string,
  host: string,
  now: Date,
): Promise<Brand> {
  const domain = claimableHost(host);
  if (!domain) throw new Error(`not a domain: ${host}`);
  if (name.trim() === '') throw new Error('a brand needs a name');
  const at = now.toISOString();
  const brand: Brand = {
    id: crypto.randomUUID(),
    name: name.trim(),
    role: 'competitor',
    domains: [domain],
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction('rw', db.brands, db.studies, async () => {
    const study = await db.studies.get(studyId);
    if (!study || study.deleted) throw new Error(`no study ${studyId}`);
    await db.brands.add(brand);
    await db.studies.put({ ...study, brandIds: [...study.brandIds, brand.id], updatedAt: at });
  });
  return brand;
}
