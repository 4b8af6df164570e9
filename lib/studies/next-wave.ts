/** `2026-Q4`, `2026-H1`, `2026-11`: a year, then a quarter, half or month. */
const PERIOD = /^(\d{4})-(Q|H)?(\d{1,2})$/;
const PER_YEAR = { Q: 4, H: 2, M: 12 } as const;

function step(label: string): string {
  const period = PERIOD.exec(label);
  if (period) {
    const [, yearText, unit, numberText] = period;
    const per = PER_YEAR[(unit ?? 'M') as keyof typeof PER_YEAR];
    const n = Number(numberText);
    if (n >= 1 && n <= per) {
      const year = Number(yearText);
      const width = numberText!.length;
      return n === per
        ? `${year + 1}-${unit ?? ''}${String(1).padStart(width, '0')}`
        : `${year}-${unit ?? ''}${String(n + 1).padStart(width, '0')}`;
    }
  }
  const trailing = /^(.*?)(\d+)$/.exec(label);
  if (trailing) {
    const [, head, digits] = trailing;
    return `${head}${String(BigInt(digits!) + 1n).padStart(digits!.length, '0')}`;
  }
  return `${label} 2`;
}

/**
 * The label proposed for a study's next wave, from its latest (the last of `waves`, oldest
 * first): `2026-Q4` → `2027-Q1`, `2026-H2` → `2027-H1`, `2026-12` → `2027-01`, `2026` → `2027`,
 * `Wave 3` → `Wave 4` (any label ending in a number: that number + 1, zero padding kept), else
 * `<label> 2`. Never a label already in `waves`: it steps on until the label is free. With no
 * wave at all, `Wave 1`.
 */
export function proposeNextWave(waves: readonly string[]): string {
  const latest = waves.at(-1)?.trim();
  if (!latest) return 'Wave 1';
  const taken = new Set(waves);
  let next = step(latest);
  while (taken.has(next)) next = step(next);
  return next;
}
