import type { Criterion, Rubric, Scale } from '../../../lib/model';

/** A criterion with defaults: weight 1, applies to all, not critical. */
export function makeCriterion(partial: Partial<Criterion> & Pick<Criterion, 'id'>): Criterion {
  return {
    label: partial.id,
    help: '',
    weight: 1,
    appliesTo: 'all',
    critical: false,
    ...partial,
  };
}

/** A test rubric (scale 1–5 unless given) from criterion shorthands. */
export function makeRubric(
  criteria: (Partial<Criterion> & Pick<Criterion, 'id'>)[],
  scale: Scale = { min: 1, max: 5 },
): Rubric {
  return {
    id: 'test',
    version: 1,
    name: 'Test rubric',
    scale,
    criteria: criteria.map(makeCriterion),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
