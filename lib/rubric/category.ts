import type { Category, StageId } from '../model';
import { DEFAULT_CATEGORIES, isStage } from '../taxonomy';
import { problem, type Problem, type ProblemParams } from '../result';

/** What a lead enters to add a category beyond the seeded taxonomy. */
export interface CustomCategoryInput {
  /** Stable id written into files: lowercase letters, digits and `_`. */
  id: string;
  /** Display name (custom categories are not translated). */
  label: string;
  /** Stage pre-selected when a shopper picks it. */
  defaultStage: StageId;
}

/** Longest custom category id (it becomes a CSV cell and a criterion's `appliesTo` entry). */
export const MAX_CATEGORY_ID_LENGTH = 64;

const ID_PATTERN = /^[a-z0-9_]+$/;
const SEEDED = new Set(DEFAULT_CATEGORIES.map((c) => c.id));

function checkId(id: string, existing: readonly Pick<Category, 'id'>[]): Problem[] {
  const at = (code: string, params?: ProblemParams): Problem[] => [problem(code, params, 'id')];
  if (id === '') return at('category-empty-id');
  if (!ID_PATTERN.test(id)) return at('category-bad-id');
  if (id.length > MAX_CATEGORY_ID_LENGTH) {
    return at('category-id-too-long', { max: MAX_CATEGORY_ID_LENGTH });
  }
  if (SEEDED.has(id)) return at('category-seeded-id', { id });
  if (existing.some((c) => c.id === id)) return at('category-duplicate-id', { id });
  return [];
}

/**
 * Everything wrong with a custom category, given the categories already stored, each problem at
 * its field (`id`, `label`, `defaultStage`); an empty list means it can be added. Codes:
 * `category-empty-id`, `category-bad-id`, `category-id-too-long`, `category-seeded-id`,
 * `category-duplicate-id`, `category-empty-label`, `category-bad-stage`. Seeded ids are
 * refused even if a seeded record was removed.
 */
export function validateCustomCategory(
  input: CustomCategoryInput,
  existing: readonly Pick<Category, 'id'>[],
): Problem[] {
  const issues = checkId(input.id, existing);
  if (input.label.trim() === '') {
    issues.push({ code: 'category-empty-label', path: 'label' });
  }
  if (!isStage(input.defaultStage)) {
    issues.push({ code: 'category-bad-stage', path: 'defaultStage' });
  }
  return issues;
}
