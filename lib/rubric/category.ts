import type { Category, StageId } from '../model';
import { DEFAULT_CATEGORIES, isStage } from '../taxonomy';
import { t } from '../i18n';

/** What a lead enters to add a category beyond the seeded taxonomy. */
export interface CustomCategoryInput {
  /** Stable id written into files: lowercase letters, digits and `_`. */
  id: string;
  /** Display name (custom categories are not translated). */
  label: string;
  /** Stage pre-selected when a shopper picks it. */
  defaultStage: StageId;
}

/** One thing wrong with a custom category, at its field. */
export interface CategoryIssue {
  /** `id`, `label` or `defaultStage`. */
  path: 'id' | 'label' | 'defaultStage';
  /** `empty-id`, `bad-id`, `id-too-long`, `seeded-id`, `duplicate-id`, `empty-label`, `bad-stage`. */
  code: string;
  /** Translated sentence saying what is wrong. */
  message: string;
}

/** Longest custom category id (it becomes a CSV cell and a criterion's `appliesTo` entry). */
export const MAX_CATEGORY_ID_LENGTH = 64;

const ID_PATTERN = /^[a-z0-9_]+$/;
const SEEDED = new Set(DEFAULT_CATEGORIES.map((c) => c.id));

function checkId(id: string, existing: readonly Pick<Category, 'id'>[]): CategoryIssue[] {
  const at = (code: string, message: string): CategoryIssue[] => [{ path: 'id', code, message }];
  if (id === '') return at('empty-id', t('category.error.emptyId'));
  if (!ID_PATTERN.test(id)) return at('bad-id', t('category.error.badId'));
  if (id.length > MAX_CATEGORY_ID_LENGTH) {
    return at('id-too-long', t('category.error.idTooLong', { max: MAX_CATEGORY_ID_LENGTH }));
  }
  if (SEEDED.has(id)) return at('seeded-id', t('category.error.seededId', { id }));
  if (existing.some((c) => c.id === id))
    return at('duplicate-id', t('category.error.duplicateId', { id }));
  return [];
}

/**
 * Everything wrong with a custom category, given the categories already stored; an empty list
 * means it can be added. Seeded ids are refused even if a seeded record was removed.
 */
export function validateCustomCategory(
  input: CustomCategoryInput,
  existing: readonly Pick<Category, 'id'>[],
): CategoryIssue[] {
  const issues = checkId(input.id, existing);
  if (input.label.trim() === '') {
    issues.push({ path: 'label', code: 'empty-label', message: t('category.error.emptyLabel') });
  }
  if (!isStage(input.defaultStage)) {
    issues.push({ path: 'defaultStage', code: 'bad-stage', message: t('category.error.badStage') });
  }
  return issues;
}
