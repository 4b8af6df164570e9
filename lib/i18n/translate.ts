import type { MessageKey } from './en';
import { enCore } from './en-core';
import type { Language } from './languages';

/**
 * A text that depends on a number: one form per plural category of the language
 * (`Intl.PluralRules`: zero, one, two, few, many, other), chosen by the `count` placeholder.
 */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A message: plain text with `{name}` placeholders, or plural forms of it. */
export type Message = string | PluralText;

/** Texts by key: any subset of the English keys. */
export type Catalogue = Partial<Record<MessageKey, Message>>;

/** English, the fallback for any key the chosen language lacks: the core texts plus a surface's. */
const english: Catalogue = { ...enCore };
let texts: Catalogue = {};
let language: Language = 'en';
let numbers = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
let plurals = new Intl.PluralRules('en');

/** Adds English texts of a surface (pages add theirs; the content script never does). */
export function addEnglish(more: Catalogue): void {
  Object.assign(english, more);
}

/** Speaks `code` from now on, with its catalogue (empty for English). */
export function setLanguage(code: Language, catalogue: Catalogue): void {
  language = code;
  texts = catalogue;
  numbers = new Intl.NumberFormat(code, { maximumFractionDigits: 2 });
  plurals = new Intl.PluralRules(code);
}

/** The language spoken now. */
export const currentLanguage = (): Language => language;

/**
 * Translates a key, filling `{name}` placeholders from `params` (numbers written the
 * language's way); plural texts take the form `params.count` calls for. An unknown key shows
 * as is.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const own = texts[key];
  // A plural text of the language is read with its rules; English's fallback with English's.
  const message = own ?? english[key] ?? key;
  const text =
    typeof message === 'string'
      ? message
      : (message[(own ? plurals : new Intl.PluralRules('en')).select(Number(params.count ?? 0))] ??
        message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** Whether a (possibly computed) string is a key this surface has a text for. */
export function isMessageKey(key: string): key is MessageKey {
  return key in english;
}
