/** What a downloaded file holds; the middle part of its name. */
export type ExportKind = 'touchpoints' | 'comparison' | 'trend' | 'backup' | 'calibration';

const APP = 'touchpoint-auditor';
const MAX_SLUG_LENGTH = 60;

/**
 * A study name as a file-name part that every OS accepts: NFC-normalised and lower-cased,
 * Unicode letters, marks and digits kept (so `Đánh giá Q4` → `đánh-giá-q4`, `Кроссовки` →
 * `кроссовки`), every other run of characters (spaces, `/ \ : * ? " < > |`, `_`, dots,
 * control and bidi characters, emoji) turned into one `-`, trimmed, capped at 60 characters,
 * and `study` when nothing is left.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+/u, '');
  // Cap by code points so a surrogate pair is never cut in half.
  const capped = Array.from(slug).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
  return capped === '' ? 'study' : capped;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The name a downloaded file gets, e.g.
 * `touchpoint-auditor_q4-running-shoes_touchpoints_2026-11-22.csv`, or with the `wave` a file
 * holds alone, `touchpoint-auditor_q4-running-shoes_comparison_2026-q4_2026-11-22.csv` (the wave
 * made safe as the study name is). The date is `now`'s calendar date in the user's time zone
 * (the day they exported on, as they would look for it in their downloads). `ext` may be given
 * with or without its dot.
 */
export function exportFileName(
  studyName: string,
  kind: ExportKind,
  now: Date,
  ext: string,
  wave?: string,
): string {
  const date = `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
  const cleanExt = ext
    .replace(/^\.+/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  const what = wave === undefined ? kind : `${kind}_${slugify(wave)}`;
  const base = `${APP}_${slugify(studyName)}_${what}_${date}`;
  return cleanExt === '' ? base : `${base}.${cleanExt}`;
}
