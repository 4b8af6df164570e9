import type { Catalogue } from './translate';
import { setLanguage } from './translate';
import type { Language } from './languages';

/**
 * Each language's whole catalogue, loaded only when it is spoken (a page carries English and
 * the one language it shows). The content script never imports this: the background sends it
 * the core texts of the chosen language (`coreTexts`).
 */
const catalogues: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalogue }>> = {
  tl: () => import('./catalogues/tl'),
  lv: () => import('./catalogues/lv'),
  ms: () => import('./catalogues/ms'),
  vi: () => import('./catalogues/vi'),
  ru: () => import('./catalogues/ru'),
};

/** A language's catalogue (empty for English, whose texts are the fallback). */
export async function loadCatalogue(language: Language): Promise<Catalogue> {
  return language === 'en' ? {} : (await catalogues[language]()).default;
}

/** Loads a language's catalogue and speaks it from now on. */
export async function speak(language: Language): Promise<void> {
  setLanguage(language, await loadCatalogue(language));
}
