import { describe, expect, it } from 'vitest';
import { diffRubrics, isEmptyDiff } from '../../../lib/rubric';
import { makeRubric } from './make-rubric';

const v1 = makeRubric([{ id: 'a' }, { id: 'b', weight: 2 }, { id: 'c' }]);

describe('diffRubrics', () => {
  it('finds nothing between equal rubrics, nor in a mere reordering', () => {
    expect(isEmptyDiff(diffRubrics(v1, v1))).toBe(true);
    expect(isEmptyDiff(diffRubrics(v1, { ...v1, criteria: [...v1.criteria].reverse() }))).toBe(
      true,
    );
  });

  it('lists criteria added, removed, reweighted and changed, and a new scale', () => {
    const v2 = makeRubric(
      [
        { id: 'a', label: 'A!', critical: true },
        { id: 'b', weight: 3, appliesTo: ['cart'] },
        { id: 'd' },
      ],
      { min: 0, max: 10 },
    );
    const diff = diffRubrics(v1, v2);
    expect(diff.added.map((c) => c.id)).toEqual(['d']);
    expect(diff.removed.map((c) => c.id)).toEqual(['c']);
    expect(diff.reweighted).toEqual([{ id: 'b', label: 'b', from: 2, to: 3 }]);
    expect(diff.changed).toEqual([
      { id: 'a', label: 'A!', fields: ['label', 'critical'] },
      { id: 'b', label: 'b', fields: ['appliesTo'] },
    ]);
    expect(diff.scale).toEqual({ from: { min: 1, max: 5 }, to: { min: 0, max: 10 } });
  });

  it('treats category lists in another order as the same', () => {
    const x = makeRubric([{ id: 'a', appliesTo: ['cart', 'payment'] }]);
    const y = makeRubric([{ id: 'a', appliesTo: ['payment', 'cart'] }]);
    expect(diffRubrics(x, y).changed).toEqual([]);
  });
});
