// Brands met while tagging: which brand a tab's host belongs to, and claiming a new host
// for a brand of the running study. Ties the study rules (./hosts) to storage.
import { brandsOfStudy, type AuditorDb } from '../db';
import type { Brand } from '../model';
import { brandForHost, claimableHost } from './hosts';

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
