import type { NewTouchpoint } from '../../../lib/db';

/** A page touchpoint as the tagger hands it over: a cart on a page, override anything. */
export function pageTag(auditId: string, fields: Partial<NewTouchpoint> = {}): NewTouchpoint {
  return {
    auditId,
    category: 'cart',
    stage: 'purchase',
    channel: 'web',
    source: 'page',
    url: null,
    pageTitle: null,
    anchor: null,
    scores: {},
    notes: '',
    ...fields,
  };
}
