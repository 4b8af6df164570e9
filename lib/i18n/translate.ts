import type { MessageKey } from './en';
import { enCore } from './en-core';

/** Texts by key: any subset of the English keys. */
export type Catalogue = Partial<Record<MessageKey, string>>;

/**
 * The texts shown: English, for now the only language (other languages, with English as their
 * fallback, come later). The core texts, plus what a surface adds when it loads (pages add
 * theirs through lib/i18n/index.ts; the content script never does).
 */
const english: Catalogue = { ...enCore };

/** Adds English texts of a surface. */
export function addEnglish(texts: Catalogue): void {
  Object.assign(english, texts);
}

/** Translates a key, filling `{name}` placeholders from `params`; an unknown key shows as is. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether a (possibly computed) string is a key this surface has a text for. */
export function isMessageKey(key: string): key is MessageKey {
  return key in english;
}
