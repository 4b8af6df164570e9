import { en, type MessageKey } from './en';

/** A catalogue for one language: any subset of the English keys (missing keys fall back). */
export type Catalogue = Partial<Record<MessageKey, string>>;

const catalogues: Record<string, Catalogue> = { en };
let current: Catalogue = en;

/** Registers a translation so `setLanguage` can pick it. */
export function registerCatalogue(language: string, catalogue: Catalogue): void {
  catalogues[language.toLowerCase()] = catalogue;
}

/** Chooses the language (`vi`, `lv-LV`…); falls back to the base language, then English. */
export function setLanguage(language: string): void {
  const lower = language.toLowerCase();
  current = catalogues[lower] ?? catalogues[lower.split('-')[0] ?? ''] ?? en;
}

/** Translates a key, filling `{name}` placeholders from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = current[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether a (possibly computed) string is a key of the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
