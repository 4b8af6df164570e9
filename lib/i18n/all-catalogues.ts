import { enCore } from './en-core';
import type { Language } from './languages';
import type { Catalogue } from './translate';
import tl from './catalogues/tl';
import lv from './catalogues/lv';
import ms from './catalogues/ms';
import vi from './catalogues/vi';
import ru from './catalogues/ru';

/**
 * Every language's catalogue, imported up front: for the background, whose service worker
 * cannot load code on demand (pages load one language with `speak`).
 */
const catalogues: Record<Language, Catalogue> = { en: {}, tl, lv, ms, vi, ru };

export const catalogueOf = (language: Language): Catalogue => catalogues[language];

/**
 * The texts of a language the content script shows (the keys of `en-core`): what the tagger
 * receives when it opens, so it carries no language but English in its own code.
 */
export function coreTexts(language: Language): Catalogue {
  const all = catalogues[language];
  const core: Catalogue = {};
  for (const key of Object.keys(enCore) as (keyof typeof enCore)[]) {
    const text = all[key];
    if (text !== undefined) core[key] = text;
  }
  return core;
}
