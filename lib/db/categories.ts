import type { Category } from '../model';
import { ok, refuse, type Problem, type Result } from '../result';
import { validateCustomCategory, type CustomCategoryInput } from '../rubric/category';
import type { AuditorDb } from './schema';

/** Every category: the seeded taxonomy first (in stored order), then custom ones by label. */
export async function listCategories(db: AuditorDb): Promise<Category[]> {
  const all = await db.categories.toArray();
  const custom = all
    .filter((c) => !c.builtin)
    .sort((a, b) => (a.label ?? a.id).localeCompare(b.label ?? b.id));
  return [...all.filter((c) => c.builtin), ...custom];
}

/**
 * Adds a category a study needs beyond the seeded taxonomy, after `validateCustomCategory`
 * (checked inside the write transaction, so two tabs cannot add the same id): the stored
 * category, or the problems that kept it out.
 */
export async function addCustomCategory(
  db: AuditorDb,
  input: CustomCategoryInput,
  now = new Date(),
): Promise<Result<Category, Problem[]>> {
  const clean: CustomCategoryInput = { ...input, id: input.id.trim(), label: input.label.trim() };
  return db.transaction('rw', db.categories, async () => {
    const existing = await db.categories.toArray();
    const issues = validateCustomCategory(clean, existing);
    if (issues.length > 0) return refuse<Category>(issues);
    const at = now.toISOString();
    const category: Category = { ...clean, builtin: false, createdAt: at, updatedAt: at };
    await db.categories.add(category);
    return ok(category);
  });
}
