import { describe, expect, it } from 'vitest';
import type { Audit, ReviewState } from '../../../lib/model';
import { reviewQueue } from '../../../lib/review';

const audit = (id: string, review: ReviewState, reviewedAt?: string, extra: Partial<Audit> = {}) =>
  ({
    id,
    review,
    reviewedAt,
    startedAt: '2026-11-01T00:00:00.000Z',
    purpose: 'audit',
    ...extra,
  }) as Audit;

describe('reviewQueue', () => {
  it('puts submitted first, then returned, then approved, oldest first; leaves the rest out', () => {
    const queue = reviewQueue([
      audit('approved', 'approved', '2026-11-02T00:00:00.000Z'),
      audit('running', 'in_progress'),
      audit('returned', 'returned', '2026-11-02T00:00:00.000Z'),
      audit('late', 'submitted', '2026-11-03T00:00:00.000Z'),
      audit('early', 'submitted', '2026-11-02T00:00:00.000Z'),
      audit('calibration', 'submitted', undefined, { purpose: 'calibration' }),
      audit('gone', 'submitted', undefined, { deleted: true }),
    ]);
    expect(queue.map((a) => a.id)).toEqual(['early', 'late', 'returned', 'approved']);
  });
});
