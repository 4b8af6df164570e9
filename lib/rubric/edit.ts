import type { Criterion, Rubric, Scale } from '../model';

/** The scales a lead picks from; anything else is a custom min–max. */
export const SCALE_PRESETS = {
  '1-5': { min: 1, max: 5 },
  '1-10': { min: 1, max: 10 },
  '0-1': { min: 0, max: 1 },
} as const satisfies Record<string, Scale>;

/** A preset's key, or `custom`. */
export type ScaleChoice = keyof typeof SCALE_PRESETS | 'custom';

/** Which preset a scale is, or `custom` when it matches none. */
export function scaleChoiceOf(scale: Scale): ScaleChoice {
  const found = (Object.keys(SCALE_PRESETS) as (keyof typeof SCALE_PRESETS)[]).find(
    (key) => SCALE_PRESETS[key].min === scale.min && SCALE_PRESETS[key].max === scale.max,
  );
  return found ?? 'custom';
}

/** A criterion id not yet used in the list: `criterion_1`, `criterion_2`… */
export function nextCriterionId(criteria: readonly Criterion[]): string {
  const taken = new Set(criteria.map((c) => c.id));
  let n = criteria.length + 1;
  while (taken.has(`criterion_${n}`)) n++;
  return `criterion_${n}`;
}

/** The rubric with a new criterion (weight 1, applies to all, not critical) at the end. */
export function addCriterion(rubric: Rubric, label: string): Rubric {
  const criterion: Criterion = {
    id: nextCriterionId(rubric.criteria),
    label,
    help: '',
    weight: 1,
    appliesTo: 'all',
    critical: false,
  };
  return { ...rubric, criteria: [...rubric.criteria, criterion] };
}

/** The rubric without the criterion at `index`. */
export function removeCriterion(rubric: Rubric, index: number): Rubric {
  return { ...rubric, criteria: rubric.criteria.filter((_, i) => i !== index) };
}

/** The rubric with the criterion at `index` moved by `delta` places (clamped to the list). */
export function moveCriterion(rubric: Rubric, index: number, delta: number): Rubric {
  const to = Math.min(Math.max(index + delta, 0), rubric.criteria.length - 1);
  const moving = rubric.criteria[index];
  if (!moving || to === index) return rubric;
  const rest = rubric.criteria.filter((_, i) => i !== index);
  rest.splice(to, 0, moving);
  return { ...rubric, criteria: rest };
}

/** The rubric with some fields of the criterion at `index` changed. */
export function updateCriterion(rubric: Rubric, index: number, patch: Partial<Criterion>): Rubric {
  return {
    ...rubric,
    criteria: rubric.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)),
  };
}

/** What scoring depends on, plus the name: two rubrics with the same content score alike. */
function contentOf(rubric: Rubric): string {
  return JSON.stringify([
    rubric.name,
    rubric.scale.min,
    rubric.scale.max,
    rubric.criteria.map((c) => [c.id, c.label, c.help, c.weight, c.appliesTo, c.critical]),
  ]);
}

/** Whether two rubrics have the same name, scale and criteria (ids, versions and times aside). */
export function sameRubricContent(a: Rubric, b: Rubric): boolean {
  return contentOf(a) === contentOf(b);
}
