import { LANGUAGES, type Language } from '../../i18n/languages';
import type { SensitiveKind } from '../../model';
import { ibanValid, luhnValid } from './checks';
import { digitRuns, digitsOf } from './digit-runs';
import { KEYWORDS } from './keywords';
import type { SensitiveMatch } from './kinds';
import { findPhones } from './phone';

const LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL = /^[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/**
 * E-mail addresses: a local part, `@`, a domain with a dot and a top-level name of letters.
 * Only the text around each `@` is looked at (most page text has none).
 */
export function findEmails(text: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  let last = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > last && LOCAL.test(text[start - 1]!)) start--;
    // A local part may not begin with a dot.
    while (text[start] === '.') start++;
    const m = EMAIL.exec(text.slice(start, at + 256));
    if (!m) continue;
    const end = start + m[0].length;
    // The top-level name ends where letters and digits do ("x@y.co." ends before the dot).
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    found.push({ kind: 'email', start, end });
    last = end;
    at = end - 1;
  }
  return found;
}

/** Card groups are separated by spaces or one dash, never dots (those are prices). */
const cardSeparator = (sep: string) =>
  /^[ \t\n\r\u00a0\u2009\u202f]*-?[ \t\n\r\u00a0\u2009\u202f]*$/.test(sep);

/**
 * Payment card numbers: 13–19 digits, in one run or in groups split by single spaces or dashes,
 * passing the Luhn check. The longest valid stretch of a longer run is taken, leftmost first.
 */
export function findCards(text: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  for (const { groups, plus } of digitRuns(text, cardSeparator, /-/)) {
    if (plus) continue; // +… is a phone number
    let a = 0;
    outer: while (a < groups.length) {
      for (let b = groups.length - 1; b >= a; b--) {
        const digits = digitsOf(text, groups, a, b);
        if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) {
          found.push({ kind: 'card', start: groups[a]!.start, end: groups[b]!.end });
          a = b + 1;
          continue outer;
        }
      }
      a++;
    }
  }
  return found;
}

const IBAN_START = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}/g;

/**
 * IBANs: country letters, check digits, then letters and digits (upper case) run together or in
 * groups split by single spaces, of the country's length and passing the mod-97 check. The
 * longest valid stretch ending at a group's end is taken.
 */
export function findIbans(text: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    if (found.length && m.index < found[found.length - 1]!.end) continue;
    let compact = '';
    let best = -1;
    let i = m.index;
    while (i < text.length && compact.length < 34) {
      const c = text[i]!;
      if (/[A-Z0-9]/.test(c)) {
        compact += c;
        i++;
        const next = text[i] ?? '';
        if (!/[A-Za-z0-9]/.test(next) && compact.length >= 15 && ibanValid(compact)) best = i;
      } else if (/[ \t\n\r\u00a0]/.test(c)) {
        let j = i + 1;
        while (j - i < 40 && /[ \t\n\r\u00a0]/.test(text[j] ?? '')) j++;
        if (!/[A-Z0-9]/.test(text[j] ?? '')) break;
        i = j;
      } else break;
    }
    if (best > 0) found.push({ kind: 'iban', start: m.index, end: best });
  }
  return found;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Letters, digits, `-` and `#`, 4–20 characters, at least one digit. */
const CODE = /^#?[A-Za-z0-9][A-Za-z0-9#-]{2,18}[A-Za-z0-9]$/;
const LEADING = /^[:(“"«№]+/;
const TRAILING = /[.,;:!?)”"»]+$/;
const TOKEN = /\S+/y;
const GAP = /[\s]*/y;
/** How many words may stand between an order word and its code. */
const MAX_WORDS = 4;

const patterns = new Map<string, RegExp>();

function orderPattern(languages: readonly Language[]): RegExp {
  const key = languages.join();
  const known = patterns.get(key);
  if (known) return known;
  const words = [...new Set(languages.flatMap((l) => KEYWORDS[l].order))]
    .sort((x, y) => y.length - x.length)
    .map((w) => w.split(/\s+/).map(escape).join('\\s+'));
  const made = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  patterns.set(key, made);
  return made;
}

/**
 * Order and booking references: a code (see {@link CODE}) within a few words after an order
 * word of one of `languages` ("Order #A12-3456", "Номер заказа: 12345678", "Mã đơn hàng của
 * bạn là DH123456"), with only the languages' filler words ("number", "của bạn là") or
 * punctuation between. The code alone is covered.
 */
export function findOrders(text: string, languages: readonly Language[]): SensitiveMatch[] {
  const fillers = new Set(languages.flatMap((l) => KEYWORDS[l].filler));
  const found: SensitiveMatch[] = [];
  for (const m of text.matchAll(orderPattern(languages))) {
    let at = m.index + m[0].length;
    for (let words = 0; words <= MAX_WORDS; words++) {
      GAP.lastIndex = at;
      GAP.exec(text);
      TOKEN.lastIndex = GAP.lastIndex;
      const token = TOKEN.exec(text);
      if (!token) break;
      at = TOKEN.lastIndex;
      const lead = LEADING.exec(token[0])?.[0].length ?? 0;
      const core = token[0].slice(lead).replace(TRAILING, '');
      if (!core || /^[#№:–-]+$/.test(core)) continue;
      if (CODE.test(core) && /\d/.test(core)) {
        const start = token.index + lead;
        found.push({ kind: 'order', start, end: start + core.length });
        break;
      }
      if (!fillers.has(core.toLowerCase().replace(/\.$/, ''))) break;
    }
  }
  return found;
}

/** Options of {@link findSensitive}. */
export interface FindOptions {
  /**
   * The languages whose order words, phone words and national phone forms apply; all six by
   * default (a page's own language may be unknown, and shops mix English in).
   */
  languages?: readonly Language[];
}

/** When two findings overlap, the more certain kind keeps the text. */
const PRIORITY: readonly SensitiveKind[] = ['email', 'iban', 'card', 'order', 'phone'];

/**
 * Every e-mail address, phone number, payment card number, IBAN and order or booking
 * reference in `text`, in text order, none overlapping another (docs/REDACTION.md). Pure: no
 * DOM, no state.
 */
export function findSensitive(text: string, options: FindOptions = {}): SensitiveMatch[] {
  const languages = options.languages?.length ? options.languages : LANGUAGES;
  const keywords = languages.flatMap((l) => KEYWORDS[l].phone);
  const byKind: Record<SensitiveKind, SensitiveMatch[]> = {
    email: findEmails(text),
    iban: findIbans(text),
    card: findCards(text),
    order: findOrders(text, languages),
    phone: findPhones(text, { languages, keywords }),
  };
  const kept: SensitiveMatch[] = [];
  for (const kind of PRIORITY)
    for (const m of byKind[kind])
      if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((x, y) => x.start - y.start);
}
