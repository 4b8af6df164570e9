import { roundHalfAwayFromZero } from '../scoring/round';
import { currentLanguage, t } from './translate';

/** A figure with exactly `digits` decimals, written the language's way (`84.2`, `84,2`). */
export function formatDecimal(x: number, digits: number): string {
  return new Intl.NumberFormat(currentLanguage(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

/**
 * A time for the screen, in the reader's language and time zone (`1 Dec 2026, 10:15`); files
 * keep ISO times. Text that is not a time is shown as it is.
 */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);
}

/** A score for display: one decimal, rounded half away from zero at the very end (`84.2%`, `84,2 %`). */
export function formatPct(pct: number | null): string {
  return pct === null
    ? t('report.noScore')
    : t('report.pct', { score: formatDecimal(roundHalfAwayFromZero(pct, 1), 1) });
}

/** A size for the screen in the reader's language: `12.3 MB`, `1,2 GB`. */
export function formatBytes(bytes: number): string {
  const [unit, size] =
    bytes >= 1e9 ? (['gigabyte', bytes / 1e9] as const) : (['megabyte', bytes / 1e6] as const);
  return new Intl.NumberFormat(currentLanguage(), {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(size);
}

/** How long ago `iso` was, in the reader's language (`2 minutes ago`, `now`), from `now`. */
export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  const rtf = new Intl.RelativeTimeFormat(currentLanguage(), { numeric: 'auto' });
  if (Number.isNaN(seconds)) return iso;
  if (seconds < 45) return rtf.format(0, 'second');
  if (seconds < 3600) return rtf.format(-Math.max(1, Math.round(seconds / 60)), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return rtf.format(-Math.round(seconds / 86_400), 'day');
}
