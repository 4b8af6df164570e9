import type { Touchpoint } from '../../lib/model';

/** When the pages' component tests say their data was made. */
export const T = '2026-11-22T10:00:00.000Z';

/** A touchpoint the pages' component tests show: Contoso's cart page, speed scored 5. */
export function cartTouchpoint(fields: Pick<Touchpoint, 'pageTitle' | 'notes'>): Touchpoint {
  return {
    id: 'tp-1',
    auditId: 'a',
    category: 'cart',
    stage: 'purchase',
    channel: 'web',
    source: 'page',
    url: 'https://contoso.test/cart',
    anchor: null,
    scores: { speed: 5 },
    createdAt: T,
    updatedAt: T,
    ...fields,
  };
}
