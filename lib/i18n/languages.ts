/** The languages the extension speaks; English is the fallback for any text a catalogue lacks. */
export const LANGUAGES = ['en', 'tl', 'lv', 'ms', 'vi', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language setting: one of the languages, or `auto` (the browser's UI language). */
export type LanguageSetting = 'auto' | Language;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', ...LANGUAGES];

/** Each language's name in itself, as the language menu shows it (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  tl: 'Tagalog',
  lv: 'Latviešu',
  ms: 'Bahasa Melayu',
  vi: 'Tiếng Việt',
  ru: 'Русский',
};

export const isLanguage = (code: string): code is Language =>
  (LANGUAGES as readonly string[]).includes(code);

/**
 * The language to speak: the setting when it names one; for `auto` the browser's UI language
 * (`lv`, or `lv-LV` read as its base `lv`; `fil` is Tagalog's standard form), else English.
 */
export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  if (setting !== 'auto') return setting;
  const tag = uiLanguage.toLowerCase().replace('_', '-');
  if (isLanguage(tag)) return tag;
  const base = tag.split('-')[0] ?? '';
  if (base === 'fil') return 'tl';
  return isLanguage(base) ? base : 'en';
}

/** The CSV dialect: `comma` (`,` and a decimal point) or `semicolon` (`;` and a decimal comma). */
export type CsvDialect = 'comma' | 'semicolon';

/** The dialect a spreadsheet in the language's countries expects (what Excel there opens right). */
export const csvDialectOf = (language: Language): CsvDialect =>
  language === 'lv' || language === 'ru' || language === 'vi' ? 'semicolon' : 'comma';
