import { formatDecimal } from '@/lib/i18n';

/** A figure with a fixed number of decimals, `—` when there is none. */
export function fixed(x: number | null, decimals: number): string {
  return x === null ? '—' : formatDecimal(x, decimals);
}

/** A signed figure (`+0.40`, `−1.20`), `—` when there is none. */
export function signed(x: number | null, decimals: number): string {
  if (x === null) return '—';
  const text = formatDecimal(Math.abs(x), decimals);
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}
