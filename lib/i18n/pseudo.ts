import type { Catalogue, Message } from './translate';

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Y: 'Ý',
  Z: 'Ž',
};

/**
 * One text in the pseudo-locale: letters accented, 40 % longer (padding words at the end, the
 * way German, Latvian or Russian texts run longer than English), in brackets so a cut-off end
 * shows. `{placeholders}` are kept as they are.
 */
export function pseudoText(text: string): string {
  const accented = text
    .split(/(\{\w+\})/)
    .map((part) =>
      /^\{\w+\}$/.test(part) ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[c] ?? c),
    )
    .join('');
  const extra = Math.ceil(text.replace(/\{\w+\}/g, '').length * 0.4);
  const padding = ' ĺőñĝ ŵőŕđš ţĥáţ ŕûñ ŀőñĝéŕ'.repeat(Math.ceil(extra / 26) + 1).slice(0, extra);
  return `[${accented}${padding}]`;
}

/**
 * The pseudo-locale of a catalogue: every text (and plural form) through {@link pseudoText}.
 * An end-to-end test shows every page in it and fails where text overflows or is cut off.
 */
export function pseudoCatalogue(source: Record<string, Message>): Catalogue {
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(source)) {
    out[key] =
      typeof message === 'string'
        ? pseudoText(message)
        : (Object.fromEntries(
            Object.entries(message).map(([form, text]) => [form, pseudoText(text)]),
          ) as Message);
  }
  return out as Catalogue;
}
