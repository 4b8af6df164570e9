import type { Category } from '../model';
import type { Dimension } from '../report/types';
import { isMessageKey, t } from './translate';

/** The display name of a stage id. */
export function stageLabel(id: string): string {
  const key = `stage.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

/** The display name of a channel id. */
export function channelLabel(id: string): string {
  const key = `channel.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

/** The display name of a category: translated for seeded ones, the lead's label for custom. */
export function categoryLabel(id: string, custom?: Pick<Category, 'label'>): string {
  const key = `category.${id}`;
  if (isMessageKey(key)) return t(key);
  return custom?.label || id;
}

/**
 * The `label` of a comparison row's key (docs/FILES.md#comparisoncsv): its name in the user's
 * language.
 * Criterion labels are the rubric's own text, passed in.
 */
export function dimensionKeyLabel(
  dimension: Dimension,
  key: string,
  lookups: {
    criterionLabel?: (id: string) => string | undefined;
    customCategory?: (id: string) => Category | undefined;
  } = {},
): string {
  switch (dimension) {
    case 'overall':
      return t('dimension.overall');
    case 'stage':
      return stageLabel(key);
    case 'category':
      return categoryLabel(key, lookups.customCategory?.(key));
    case 'criterion':
      return lookups.criterionLabel?.(key) ?? key;
  }
}
