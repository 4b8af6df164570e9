/**
 * The label proposed for a study's next wave, from its last one: `2026-Q4` → `2027-Q1`,
 * `Wave 3` → `Wave 4`; a label without a number gets ` 2`. Never one the study has.
 */
export function proposeNextWave(waves: readonly string[]): string {
  const last = waves.at(-1) ?? '';
  const quarter = /^(\d{4})-Q([1-4])$/.exec(last);
  let next: string;
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    next = q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  } else {
    const number = /^(.*?)(\d+)$/.exec(last);
    next = number ? `${number[1]}${Number(number[2]) + 1}` : `${last || 'Wave'} 2`;
  }
  while (waves.includes(next)) next = `${next}+`;
  return next;
}
