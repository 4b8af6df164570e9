import { describe, expect, it } from 'vitest';
import { sortCategoryIds, sortStageIds } from '../../../lib/report';

describe('sortStageIds', () => {
  it.each([
    [
      ['retention', 'awareness', 'purchase'],
      ['awareness', 'purchase', 'retention'],
    ],
    [
      ['advocacy', 'post_purchase', 'advocacy'],
      ['post_purchase', 'advocacy'],
    ],
    [
      ['zeta', 'consideration', 'alpha'],
      ['consideration', 'alpha', 'zeta'],
    ],
  ])('%j → %j', (ids, sorted) => {
    expect(sortStageIds(ids)).toEqual(sorted);
  });
});

describe('sortCategoryIds', () => {
  it.each([
    [
      ['other', 'cart', 'online_ad'],
      ['online_ad', 'cart', 'other'],
    ],
    [
      ['billing_invoice', 'live_chat', 'payment'],
      ['live_chat', 'payment', 'billing_invoice'],
    ],
    [
      ['my_b', 'Zed', 'other', 'my_a', 'cart'],
      ['cart', 'other', 'Zed', 'my_a', 'my_b'],
    ],
    [['cart', 'cart'], ['cart']],
    [[], []],
  ])('%j → %j', (ids, sorted) => {
    expect(sortCategoryIds(ids)).toEqual(sorted);
  });
});
