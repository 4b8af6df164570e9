import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../../lib/i18n/en';
import { LANGUAGES, type Language } from '../../../lib/i18n/languages';
import type { Catalogue, Message } from '../../../lib/i18n/translate';
import * as tl from '../../../lib/i18n/catalogues/tl';
import * as lv from '../../../lib/i18n/catalogues/lv';
import * as ms from '../../../lib/i18n/catalogues/ms';
import * as vi from '../../../lib/i18n/catalogues/vi';
import * as ru from '../../../lib/i18n/catalogues/ru';

interface CatalogueModule {
  default: Catalogue;
  /** Keys whose text is rightly the same as English (names, codes, symbols). */
  sameAsEnglish: readonly MessageKey[];
}
const modules: Record<Exclude<Language, 'en'>, CatalogueModule> = { tl, lv, ms, vi, ru };
const english = en as Record<MessageKey, Message>;
const keys = Object.keys(english) as MessageKey[];

/** The `{name}` placeholders of a text, sorted. */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (language) => {
  const { default: catalogue, sameAsEnglish } = modules[language as Exclude<Language, 'en'>];
  const rules = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has a text for every English key, and no key English lacks', () => {
    expect(keys.filter((k) => !(k in catalogue))).toEqual([]);
    expect(Object.keys(catalogue).filter((k) => !(k in english))).toEqual([]);
  });

  it('uses the same placeholders as English in every text and plural form', () => {
    const wrong = keys.filter((key) => {
      const theirs = catalogue[key];
      if (theirs === undefined) return false;
      const expected = placeholders(forms(english[key]).join(' ')).filter(
        (name, i, all) => all.indexOf(name) === i,
      );
      // A form may leave `{count}` out ("one item" spelled out), never bring a new name in.
      return forms(theirs).some((text) => {
        const own = placeholders(text);
        const needed = expected.filter((n) => n !== 'count' || typeof theirs === 'string');
        return own.some((n) => !expected.includes(n)) || needed.some((n) => !own.includes(n));
      });
    });
    expect(wrong).toEqual([]);
  });

  it('writes every plural text with exactly the language’s plural categories', () => {
    const wrong = keys.filter((key) => {
      const theirs = catalogue[key];
      if (typeof english[key] === 'string') return typeof theirs === 'object';
      if (typeof theirs !== 'object') return true;
      return [...Object.keys(theirs)].sort().join() !== [...rules].sort().join();
    });
    expect(wrong).toEqual([]);
  });

  it('translates every text except the names and codes it lists on purpose', () => {
    const same = keys.filter(
      (key) =>
        catalogue[key] !== undefined &&
        JSON.stringify(catalogue[key]) === JSON.stringify(english[key]) &&
        !sameAsEnglish.includes(key),
    );
    expect(same).toEqual([]);
    // The list names only texts that are in fact the same.
    expect(
      sameAsEnglish.filter((k) => JSON.stringify(catalogue[k]) !== JSON.stringify(english[k])),
    ).toEqual([]);
  });
});
