import { afterEach, describe, expect, it } from 'vitest';
import {
  csvDialectOf,
  describeProblem,
  formatDateTime,
  formatDecimal,
  formatPct,
  resolveLanguage,
  setLanguage,
  t,
} from '../../../lib/i18n';
import type { Catalogue } from '../../../lib/i18n/translate';

afterEach(() => setLanguage('en', {}));

describe('resolveLanguage', () => {
  it.each([
    ['auto', 'lv-LV', 'lv'],
    ['auto', 'ru', 'ru'],
    ['auto', 'vi_VN', 'vi'],
    ['auto', 'fil-PH', 'tl'],
    ['auto', 'de-DE', 'en'],
    ['auto', '', 'en'],
    ['ms', 'ru-RU', 'ms'],
  ] as const)('%s with the browser in %s speaks %s', (setting, ui, expected) => {
    expect(resolveLanguage(setting, ui)).toBe(expected);
  });
});

describe('t', () => {
  const ru: Catalogue = {
    'touchpoints.count': {
      one: '{count} точка контакта',
      few: '{count} точки контакта',
      many: '{count} точек контакта',
      other: '{count} точки контакта',
    },
    'popup.activeAudit': 'Аудит {brand} · {study}',
  };

  it('chooses the plural form by the language’s rules (Russian one/few/many)', () => {
    setLanguage('ru', ru);
    expect(t('touchpoints.count', { count: 1 })).toBe('1 точка контакта');
    expect(t('touchpoints.count', { count: 3 })).toBe('3 точки контакта');
    expect(t('touchpoints.count', { count: 11 })).toBe('11 точек контакта');
    expect(t('touchpoints.count', { count: 21 })).toBe('21 точка контакта');
  });

  it('writes numbers the language’s way inside texts', () => {
    setLanguage('ru', ru);
    expect(t('touchpoints.count', { count: 12345 })).toBe('12\u00a0345 точек контакта');
  });

  it('fills placeholders by name, and falls back to English for a missing key', () => {
    setLanguage('ru', ru);
    expect(t('popup.activeAudit', { brand: 'Contoso', study: 'Q4' })).toBe('Аудит Contoso · Q4');
    expect(t('popup.endAudit')).toBe('End audit');
  });

  it('reads an English fallback with English plural rules', () => {
    setLanguage('lv', {});
    expect(t('touchpoints.count', { count: 1 })).toBe('1 touchpoint');
    expect(t('touchpoints.count', { count: 0 })).toBe('0 touchpoints');
  });
});

describe('numbers and dates the local way', () => {
  it('writes 84.2 % as 84.2% in English and with a decimal comma in lv, ru and vi', () => {
    expect(formatPct(84.25)).toBe('84.3%');
    setLanguage('lv', { 'report.pct': '{score}\u00a0%' });
    expect(formatPct(84.2)).toBe('84,2\u00a0%');
    expect(formatDecimal(-0.45, 2)).toBe('-0,45');
  });

  it('shows times in the reader’s format and leaves non-times alone', () => {
    setLanguage('ru', {});
    expect(formatDateTime('2026-11-22T10:15:00.000Z')).toMatch(/22 нояб\. 2026/);
    expect(formatDateTime('soon')).toBe('soon');
  });

  it('picks the CSV dialect a spreadsheet in the language’s countries expects', () => {
    expect(['en', 'tl', 'ms'].map((l) => csvDialectOf(l as 'en'))).toEqual([
      'comma',
      'comma',
      'comma',
    ]);
    expect(['lv', 'ru', 'vi'].map((l) => csvDialectOf(l as 'lv'))).toEqual([
      'semicolon',
      'semicolon',
      'semicolon',
    ]);
  });
});

describe('problems whose parameters are codes', () => {
  it('names the review state and action in words of the language, not as ids', async () => {
    const { default: ru } = await import('../../../lib/i18n/catalogues/ru');
    setLanguage('ru', ru);
    const text = describeProblem({
      code: 'review.not-allowed',
      params: { action: 'approve', state: 'in_progress' },
    });
    expect(text).toContain(ru['review.state.in_progress'] as string);
    expect(text).toContain(ru['review.action.approve'] as string);
    expect(text).not.toMatch(/in_progress|approve/);
  });
});
