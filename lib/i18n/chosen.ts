import { browser } from 'wxt/browser';
import { getSetting, type AuditorDb } from '../db';
import { en } from './en';
import { resolveLanguage, type Language } from './languages';
import { speak } from './load';
import { pseudoCatalogue } from './pseudo';
import { setLanguage } from './translate';

/** The language the user chose (or, on `auto`, the browser's), read from the settings. */
export async function chosenLanguage(db: AuditorDb): Promise<Language> {
  return resolveLanguage(await getSetting(db, 'language'), browser.i18n.getUILanguage());
}

/**
 * Speaks the chosen language in this page from now on (or the pseudo-locale, when the test
 * hook `pseudoLocale` is on).
 */
export async function speakChosen(db: AuditorDb): Promise<Language> {
  if (await getSetting(db, 'pseudoLocale')) {
    setLanguage('en', pseudoCatalogue(en));
    return 'en';
  }
  const language = await chosenLanguage(db);
  await speak(language);
  return language;
}
