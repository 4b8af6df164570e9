import type { Language } from '../../i18n/languages';
import { digitRuns, digitsOf, type DigitGroup } from './digit-runs';
import type { SensitiveMatch } from './kinds';

/**
 * National forms (without the country code) by language, as the digits alone: the Philippines
 * 09XX XXX XXXX and (02) 8XXX XXXX, Latvia 2XXXXXXX / 6XXXXXXX, Malaysia 01X-XXX XXXX and
 * 0X-XXXX XXXX, Vietnam 09X XXX XXXX and 02XX XXX XXXX, Russia 8 (XXX) XXX-XX-XX, the UK
 * 0XXXX XXXXXX and the US (XXX) XXX-XXXX.
 */
const NATIONAL: Record<Language, readonly RegExp[]> = {
  en: [/^0[1-9]\d{8,9}$/, /^1?[2-9]\d{2}[2-9]\d{6}$/],
  tl: [/^0[2-9]\d{8,9}$/],
  lv: [/^[26]\d{7}$/],
  ms: [/^0[1-9]\d{7,9}$/],
  vi: [/^0[2-9]\d{8,9}$/],
  ru: [/^8[3489]\d{9}$/],
};

/** A number written like this is a date: 2026-11-30, 30.11.2026, 1/2/2026. */
const DATE_SHAPES = [
  [4, 2, 2],
  [2, 2, 4],
  [1, 2, 4],
  [2, 1, 4],
  [1, 1, 4],
];
const COMPACT_DATE = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const CURRENCY_BEFORE = /(?:[₫€$£₱₽¥]|(?<![\p{L}])(?:VND|EUR|USD|PHP|MYR|RM|RUB|GBP|Rp|Php))\s*$/iu;
const CURRENCY_AFTER =
  /^\s*(?:[₫€$£₱₽%]|(?:đ|VND|EUR|USD|PHP|MYR|RM|RUB|GBP|руб|р\.|dong|đồng|pcs|шт|kg|km|x)(?![\p{L}]))/iu;
/** Decimals (a price) or minutes (a time) right after the number. */
const DECIMAL_AFTER = /^(?:[.,]\d{1,2}(?!\d)|:\d)/;

/** Whether a separator fits a phone number: spaces, one dash or dot, brackets. */
function phoneSeparator(sep: string): boolean {
  const marks = sep.replace(/[ \t\n\r\u00a0\u2009\u202f]/g, '');
  return /^(?:[-.–]|\)|\(|\)[-.–]?|)$/.test(marks);
}

/** Groups of 1–3 digits then groups of exactly 3 with one kind of space or dot: 12 345 678. */
function looksLikeThousands(groups: readonly DigitGroup[], a: number, b: number): boolean {
  if (a === b) return false;
  const first = groups[a]!;
  if (first.end - first.start > 3) return false;
  const sep = groups[a + 1]!.sep;
  for (let k = a + 1; k <= b; k++) {
    const g = groups[k]!;
    if (g.end - g.start !== 3 || g.sep !== sep) return false;
  }
  return /^[ .,\u00a0\u2009\u202f']$/.test(sep);
}

/** Whether the groups hold a date (three groups shaped like one, 20261130, two years). */
function looksLikeDate(groups: readonly DigitGroup[], a: number, b: number, digits: string) {
  if (b === a) return COMPACT_DATE.test(digits);
  // Two years: 2025–2026, 2025 2026.
  if (b - a === 1 && /^(?:19|20)\d{2}(?:19|20)\d{2}$/.test(digits)) return true;
  for (let k = a; k + 2 <= b; k++) {
    const seps = [groups[k + 1]!.sep, groups[k + 2]!.sep].map((s) => s.trim());
    if (!seps.every((s) => s === '-' || s === '.' || s === '/')) continue;
    const shape = [k, k + 1, k + 2].map((i) => groups[i]!.end - groups[i]!.start);
    if (DATE_SHAPES.some((d) => d.every((len, i) => len === shape[i]))) return true;
  }
  return false;
}

/** Options of {@link findPhones}. */
export interface PhoneOptions {
  languages: readonly Language[];
  /** Lower-case words that name a phone number right before it (`KeywordTable.phone`). */
  keywords: readonly string[];
}

function namedPhone(text: string, start: number, keywords: readonly string[]): boolean {
  const before = text
    .slice(Math.max(0, start - 24), start)
    .toLowerCase()
    .replace(/[\s.:()№#-]+$/u, '');
  return keywords.some(
    (k) => before.endsWith(k) && !/[\p{L}\p{N}]/u.test(before[before.length - k.length - 1] ?? ''),
  );
}

/**
 * Phone numbers in `text`: `+` and a country code then 8–15 digits in all; `00` and 9–15 more;
 * or a national form of one of `languages`. Never a price (a currency next to it, or decimals),
 * a date, a quantity written with thousands separators (unless a phone word such as "tel."
 * comes right before), or a number glued to letters.
 */
export function findPhones(text: string, options: PhoneOptions): SensitiveMatch[] {
  const national = options.languages.flatMap((l) => NATIONAL[l]);
  const found: SensitiveMatch[] = [];
  for (const run of digitRuns(text, phoneSeparator, /[-.–()]/)) {
    const { groups } = run;
    let a = 0;
    outer: while (a < groups.length) {
      for (let b = groups.length - 1; b >= a; b--) {
        const start = a === 0 ? run.start : groups[a]!.start;
        const plus = a === 0 && run.plus;
        const end = groups[b]!.end;
        const digits = digitsOf(text, groups, a, b);
        if (isPhone(text, groups, a, b, { start, end, plus, digits, national, options })) {
          found.push({ kind: 'phone', start, end });
          a = b + 1;
          continue outer;
        }
      }
      a++;
    }
  }
  return found;
}

interface Window {
  start: number;
  end: number;
  plus: boolean;
  digits: string;
  national: readonly RegExp[];
  options: PhoneOptions;
}

function isPhone(text: string, groups: DigitGroup[], a: number, b: number, w: Window): boolean {
  const { digits } = w;
  const after = text.slice(w.end, w.end + 8);
  if (CURRENCY_AFTER.test(after) || DECIMAL_AFTER.test(after)) return false;
  if (w.plus) return digits.length >= 8 && digits.length <= 15;
  if (CURRENCY_BEFORE.test(text.slice(Math.max(0, w.start - 6), w.start))) return false;
  // Part of an address or a code: /p/22345678, ?id=62345678, item_20481234.
  if (/[/=_#&?]/.test(text[w.start - 1] ?? '')) return false;
  if (/^00[1-9]/.test(digits)) return digits.length >= 11 && digits.length <= 17;
  if (digits.length < 8 || looksLikeDate(groups, a, b, digits)) return false;
  if (!w.national.some((re) => re.test(digits))) return false;
  const named = namedPhone(text, w.start, w.options.keywords);
  // 0… and 8 (…) numbers never read as amounts; a bare 8-digit or US number needs grouping
  // that is not a quantity's (29 123 456 is both), or a phone word before it.
  if (digits.startsWith('0') || /^8[3489]\d{9}$/.test(digits)) return true;
  if (looksLikeThousands(groups, a, b)) return named;
  // A US number run together (5551234567) is as likely an id.
  if (digits.length >= 10) return named || b > a;
  return true;
}
