// A small study for the report page's component tests: an own brand and two competitors.
import type { Brand, Touchpoint } from '../../../lib/model';
import {
  buildComparison,
  tallyTouchpoints,
  type BrandTouchpoint,
  type ComparisonRow,
} from '../../../lib/report';
import { makeDefaultRubric } from '../../../lib/rubric';

const T = '2026-11-22T10:00:00.000Z';
export const rubric = makeDefaultRubric(T);

const brand = (id: string, name: string, role: Brand['role']): Brand => ({
  id,
  name,
  role,
  domains: [],
  createdAt: T,
  updatedAt: T,
});
export const brands: Brand[] = [
  brand('own', 'Northwind', 'own'),
  brand('c1', 'Contoso', 'competitor'),
  brand('c2', 'Fabrikam', 'competitor'),
];

const tp = (category: string, stage: Touchpoint['stage'], scores: Touchpoint['scores']) => ({
  category,
  stage,
  scores,
});

/** Own: cart 50 %, chat 100 %. Contoso: cart 100 %, payment 75 %. Fabrikam: cart 25 %, nothing else. */
export const items: BrandTouchpoint[] = [
  { brandId: 'own', touchpoint: tp('cart', 'purchase', { speed: 3 }) },
  { brandId: 'own', touchpoint: tp('live_chat', 'consideration', { speed: 5, empathy: 5 }) },
  { brandId: 'c1', touchpoint: tp('cart', 'purchase', { speed: 5 }) },
  { brandId: 'c1', touchpoint: tp('payment', 'purchase', { speed: 4 }) },
  { brandId: 'c2', touchpoint: tp('cart', 'purchase', { speed: 2 }) },
];

/** The comparison rows of {@link items}, as the page computes them. */
export function sampleRows(): ComparisonRow[] {
  return buildComparison(tallyTouchpoints(items, rubric), { brands, rubric });
}

/** Labels without lookups, as the page would show them. */
export const labelOf = (_d: string, key: string) => `label:${key}`;
