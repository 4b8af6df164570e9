import type { Scale } from '../model';

/** Most steps a scale may span (`max − min`): 0–100 is the widest sensible one. */
export const MAX_SCALE_STEPS = 100;

/** Bounds of a scale's ends: −1000 ≤ min < max ≤ 1000. */
export const SCALE_BOUND = 1_000;

/** Why a scale is not usable, or null: integers, min below max, within bounds, ≤ 100 steps. */
export function scaleProblem(
  scale: Scale,
): 'non-integer' | 'min-not-below-max' | 'out-of-bounds' | 'too-many-steps' | null {
  const { min, max } = scale;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return 'non-integer';
  if (min >= max) return 'min-not-below-max';
  if (min < -SCALE_BOUND || max > SCALE_BOUND) return 'out-of-bounds';
  if (max - min > MAX_SCALE_STEPS) return 'too-many-steps';
  return null;
}

/**
 * The choices a score input offers, min to max: at most {@link MAX_SCALE_STEPS} + 1 whatever
 * the scale says (a broken one from storage must not hang the page that draws it).
 */
export function scaleChoices(scale: Scale): number[] {
  const min = Number.isSafeInteger(scale.min) ? scale.min : 0;
  const max = Number.isSafeInteger(scale.max) ? scale.max : min;
  const out: number[] = [];
  for (let n = min; n <= max && out.length <= MAX_SCALE_STEPS; n++) out.push(n);
  return out;
}
