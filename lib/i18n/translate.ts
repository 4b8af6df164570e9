import type { MessageKey } from './en';
import { enCore } from './en-core';

/** A catalogue for one language: any subset of the English keys (missing keys fall back). */
export type Catalogue = Partial<Record<MessageKey, string>>;

/**
 * English, the fallback for every key: the core texts, plus what a surface adds when it loads
 * (pages add theirs through lib/i18n/index.ts; the content script never does).
 */
const english: Catalogue = { ...enCore };
const catalogues: Record<string, Catalogue> = {};
let current: Catalogue = {};

/** Adds English texts of a surface. */
export function addEnglish(texts: Catalogue): void {
  Object.assign(english, texts);
}

/** Registers a translation so `setLanguage` can pick it. */
export function registerCatalogue(language: string, catalogue: Catalogue): void {
  catalogues[language.toLowerCase()] = catalogue;
}

/** Chooses the language (`vi`, `lv-LV`…); falls back to the base language, then English. */
export function setLanguage(language: string): void {
  const lower = language.toLowerCase();
  current = catalogues[lower] ?? catalogues[lower.split('-')[0] ?? ''] ?? {};
}

/** Translates a key, filling `{name}` placeholders from `params`; an unknown key shows as is. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = current[key] ?? english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether a (possibly computed) string is a key this surface has a text for. */
export function isMessageKey(key: string): key is MessageKey {
  return key in english;
}
