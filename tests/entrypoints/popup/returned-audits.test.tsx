import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReturnedAudits } from '../../../entrypoints/popup/ReturnedAudits';
import type { Audit, Touchpoint } from '../../../lib/model';

afterEach(cleanup);

const at = '2026-11-22T10:00:00.000Z';
const audit: Audit = {
  id: 'a1',
  studyId: 's',
  brandId: 'b',
  shopper: 'Ana',
  scenario: '',
  startedAt: at,
  endedAt: at,
  wave: 'W1',
  purpose: 'audit',
  review: 'returned',
  reviewedBy: 'Lea',
  reviewedAt: at,
  createdAt: at,
  updatedAt: at,
};
const touchpoint: Touchpoint = {
  id: 't1',
  auditId: 'a1',
  category: 'cart',
  stage: 'purchase',
  channel: 'web',
  source: 'manual',
  url: null,
  pageTitle: 'Basket',
  anchor: null,
  scores: {},
  notes: '',
  createdAt: at,
  updatedAt: at,
};
const comments = [
  { id: 'c1', at, by: 'Lea', text: 'Which store?' },
  { id: 'c2', at, by: 'Lea', text: 'Add a photo' },
];

describe('ReturnedAudits', () => {
  it('lists each of the lead’s comments under the touchpoint it is on', () => {
    render(
      <ReturnedAudits
        returned={[
          {
            audit,
            study: undefined,
            brand: undefined,
            comments: 2,
            commented: [{ touchpoint, comments }],
          },
        ]}
      />,
    );
    expect(screen.getByTestId('review-returned-audit').textContent).toContain(
      'Returned by Lea: 2 comments',
    );
    const items = screen.getAllByTestId('review-returned-comment');
    expect(items.map((li) => li.textContent)).toEqual([
      'Cart “Basket” — Lea: “Which store?”',
      'Cart “Basket” — Lea: “Add a photo”',
    ]);
    expect(items.every((li) => li.dataset.touchpointId === 't1')).toBe(true);
  });
});
