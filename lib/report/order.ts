import { DEFAULT_CATEGORIES, STAGES } from '../taxonomy';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortByKnownOrder(ids: Iterable<string>, known: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  const rank = (id: string): number => {
    const i = known.indexOf(id);
    return i === -1 ? known.length : i;
  };
  return unique.sort((a, b) => rank(a) - rank(b) || byCodeUnits(a, b));
}

/**
 * Stage ids in journey order (STAGES); ids that are not known stages, should any appear, follow
 * alphabetically. Duplicates are dropped.
 */
export function sortStageIds(ids: Iterable<string>): string[] {
  return sortByKnownOrder(ids, STAGES);
}

/**
 * Category ids in report order: seeded ones in taxonomy order (DEFAULT_CATEGORIES), then custom
 * ones alphabetically by id (code-unit order, the same in every locale). Duplicates are dropped.
 */
export function sortCategoryIds(ids: Iterable<string>): string[] {
  return sortByKnownOrder(
    ids,
    DEFAULT_CATEGORIES.map((c) => c.id),
  );
}
