/**
 * Scores closer than this are equal when ranking: the same mean reached by summing in another
 * order may differ in the last bits, and must not split a tie.
 */
export const SCORE_TIE_TOLERANCE = 1e-9;

/**
 * Competition ranks for scores: 1 is best, equal scores share a rank and the next
 * rank skips (1, 2, 2, 4); a null score gets a null rank. Same order as the input.
 */
export function rankScores(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((score) => {
    if (score === null) return null;
    const better = scores.filter((other) => other !== null && other > score + SCORE_TIE_TOLERANCE);
    return better.length + 1;
  });
}
