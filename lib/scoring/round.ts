/**
 * Relative nudge applied before rounding so that float noise just below a half
 * (62.25 computed as 62.24999999999) still rounds away from zero. Far larger than the error
 * of summing and dividing percentages, far smaller than anything a one-decimal figure shows.
 */
const RELATIVE_NUDGE = 1e-9;

/**
 * Rounds half away from zero to `decimals` places (figures in files, once, at the end:
 * docs/ARCHITECTURE.md#rounding):
 * 0.25 → 0.3, −0.25 → −0.3, 62.24999999999 → 62.3. Never returns −0; non-finite values pass
 * through unchanged.
 */
export function roundHalfAwayFromZero(x: number, decimals = 1): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  const rounded = Math.round(scaled + scaled * RELATIVE_NUDGE);
  if (rounded === 0) return 0;
  return (Math.sign(x) * rounded) / factor;
}
