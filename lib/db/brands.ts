import type { Brand } from '../model';
import type { AuditorDb } from './schema';
import { updateStamped } from './stamped-update';

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
  return updateStamped<Brand>(db, db.brands, id, changes, now);
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
