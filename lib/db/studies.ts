import type { Brand, Study } from '../model';
import type { AuditorDb } from './schema';

/** Fields a lead provides to create a study. */
export type NewStudy = Pick<Study, 'name' | 'wave' | 'rubricId' | 'rubricVersion' | 'brandIds'>;

/** Creates a study with a fresh UUID. */
export async function createStudy(db: AuditorDb, input: NewStudy, now: Date): Promise<Study> {
  const at = now.toISOString();
  const study: Study = { ...input, id: crypto.randomUUID(), createdAt: at, updatedAt: at };
  await db.studies.add(study);
  return study;
}

/** Live (not deleted) studies, newest first. */
export async function listStudies(db: AuditorDb): Promise<Study[]> {
  const all = await db.studies.toArray();
  return all.filter((s) => !s.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Fields a lead provides to create a brand. */
export type NewBrand = Pick<Brand, 'name' | 'role' | 'domains'>;

/** Creates a brand with a fresh UUID. */
export async function createBrand(db: AuditorDb, input: NewBrand, now: Date): Promise<Brand> {
  const at = now.toISOString();
  const brand: Brand = { ...input, id: crypto.randomUUID(), createdAt: at, updatedAt: at };
  await db.brands.add(brand);
  return brand;
}

/** The live brands of a study, in the study's order. */
export async function brandsOfStudy(db: AuditorDb, study: Study): Promise<Brand[]> {
  const found = await db.brands.bulkGet(study.brandIds);
  return found.filter((b): b is Brand => !!b && !b.deleted);
}

/**
 * The brand of a study that claims a host: the host equals one of its domains or ends with
 * `.domain` (DESIGN §2). Undefined when none does.
 */
export function brandForHost(brands: Brand[], host: string): Brand | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return brands.find((b) => b.domains.some((d) => h === d || h.endsWith(`.${d}`)));
}
