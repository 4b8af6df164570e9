import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { en, type MessageKey } from '../../lib/i18n/en';
import type { Catalogue, Message } from '../../lib/i18n/translate';
import * as tl from '../../lib/i18n/catalogues/tl';
import * as lv from '../../lib/i18n/catalogues/lv';
import * as ms from '../../lib/i18n/catalogues/ms';
import * as vi from '../../lib/i18n/catalogues/vi';
import * as ru from '../../lib/i18n/catalogues/ru';
import { closeSession, openSession } from './support/session';
import { openInCalc } from './support/libreoffice';
import { chartTextsCut } from './support/chart-fit';
import { download, seedRaw, study } from './support/report-seed';
import { openPage, panel, pickAt, startTagging, ui } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => {
  ({ server, ext } = await openSession({ seed: true }));
  const page = await ext.openExtensionPage('report.html');
  await seedRaw(page);
  await page.close();
});
afterAll(() => closeSession({ server, ext }));

const languages = { tl, lv, ms, vi, ru } as const;
type Code = keyof typeof languages;

/** A language's plain text for a key (keys checked here have no placeholders or plurals). */
const text = (catalogue: Catalogue, key: MessageKey): string => catalogue[key] as string;

/**
 * English texts that must not be left on a page shown in `code`: every plain English text of
 * 12 characters or more that the language writes differently (short words like "Cart" could
 * be shop data; names and codes the catalogue lists stay English on purpose).
 */
function englishLeftIn(code: Code, shown: string): string[] {
  const { default: catalogue, sameAsEnglish } = languages[code];
  return (Object.entries(en) as [MessageKey, Message][])
    .filter(([, message]) => typeof message === 'string' && !message.includes('{'))
    .filter(([key, message]) => (message as string).length >= 12 && !sameAsEnglish.includes(key))
    .filter(([key, message]) => catalogue[key] !== message)
    .map(([, message]) => message as string)
    .filter((english) => shown.includes(english));
}

/** Chooses a language in the options page, which reloads in it. */
async function choose(code: Code): Promise<void> {
  const options = await ext.openExtensionPage('options.html');
  await options.getByTestId('options-language').selectOption(code);
  await expect
    .poll(() => options.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
    .toBe(code);
  const { default: catalogue } = languages[code];
  await options.getByText(text(catalogue, 'options.title')).waitFor();
  expect(englishLeftIn(code, await options.locator('body').innerText())).toEqual([]);
  await options.close();
}

async function bodyOf(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

describe.each(Object.keys(languages) as Code[])('the extension in %s', (code) => {
  const { default: catalogue } = languages[code];
  const decimalComma = code === 'lv' || code === 'ru' || code === 'vi';

  it('shows the options, popup, report and touchpoints view in it, numbers its way', async () => {
    await choose(code);

    const popup = await ext.openExtensionPage('popup.html');
    await popup.getByTestId('popup-end-audit').waitFor();
    expect(await popup.getByTestId('popup-end-audit').innerText()).toBe(
      text(catalogue, 'popup.endAudit'),
    );
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(code);
    expect(englishLeftIn(code, await bodyOf(popup))).toEqual([]);
    await popup.close();

    const report = await ext.openExtensionPage(`report.html?study=${study.id}`);
    await report.getByText(text(catalogue, 'report.title')).first().waitFor();
    await report.getByTestId('report-scoreboard').waitFor();
    const board = await report.getByTestId('report-scoreboard').innerText();
    // 84.2% in English, Tagalog and Malay; 84,2 % with a decimal comma in lv, ru and vi.
    if (decimalComma) {
      expect(board).toMatch(/\d+,\d\u00a0%/);
      expect(board).not.toMatch(/\d+\.\d\s?%/);
    } else {
      expect(board).toMatch(/\d+\.\d%/);
      expect(board).not.toMatch(/\d+,\d\s?%/);
    }
    expect(englishLeftIn(code, await bodyOf(report))).toEqual([]);
    // Every chart's names whole, however long the language makes them.
    expect(await chartTextsCut(report)).toEqual([]);
    await report.close();

    const view = await ext.openExtensionPage(`touchpoints.html?study=${study.id}`);
    await view.getByText(text(catalogue, 'touchpoints.title'), { exact: true }).first().waitFor();
    expect(englishLeftIn(code, await bodyOf(view))).toEqual([]);
    await view.close();
  });

  it('opens the tagger panel in it, the default rubric in its words', async () => {
    const page = await openPage(ext, server.url('northwind', '/returns.html'));
    await startTagging(page);
    expect(await ui(page).getByTestId('tagger-toolbar').innerText()).toContain(
      text(catalogue, 'tagger.wholePage'),
    );
    await pickAt(page, page.locator('#returns-policy'));
    await panel(page).waitFor({ state: 'visible' });
    const shown = await panel(page).innerText();
    expect(shown).toContain(text(catalogue, 'tagger.title'));
    expect(shown).toContain(text(catalogue, 'rubric.default.speed.label'));
    expect(shown).toContain(text(catalogue, 'rubric.default.speed.help'));
    expect(englishLeftIn(code, shown)).toEqual([]);
    await ui(page).getByTestId('tagger-cancel').click();
    await page.close();
  });
});

describe('comparison.csv in a Latvian spreadsheet', () => {
  it('is written with ; and decimal commas in lv, and Calc opens its columns and numbers right', async () => {
    await choose('lv');
    const report = await ext.openExtensionPage(`report.html?study=${study.id}`);
    await report.getByTestId('report-scoreboard').waitFor();
    // The dialect follows the language: nobody had to choose it.
    expect(await report.getByTestId('report-csv-delimiter').inputValue()).toBe(';');
    const { text: csv } = await download(report, 'report-export-comparison');
    await report.close();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    // Column names are a contract: the same in every language.
    expect(lines[0]).toBe(
      'study;dimension;key;label;brand;brand_role;touchpoints;score_pct;rank;delta_vs_own;critical_fails',
    );
    const overall = lines.find((l) => l.includes(';overall;overall;'))!;
    expect(overall.split(';')[3]).toBe(text(lv.default, 'dimension.overall'));
    // The default rubric's criteria too, as the report page names them.
    const speed = lines.find((l) => l.includes(';criterion;speed;'))!;
    expect(speed.split(';')[3]).toBe(text(lv.default, 'rubric.default.speed.label'));
    expect(lines.some((l) => /;-?\d+,\d;/.test(l))).toBe(true);

    const rows = openInCalc(csv, { delimiter: ';', locale: 1062 });
    expect(rows).toHaveLength(lines.length);
    expect(rows.every((r) => r.length <= 11)).toBe(true);
    expect(rows[0]!.map((c) => c.text)).toEqual(lines[0]!.split(';'));
    for (const [i, row] of rows.slice(1).entries()) {
      const fields = lines[i + 1]!.split(';');
      const pct = fields[7]!;
      if (pct === '') continue;
      // score_pct is a number Calc can sum, with the value the file meant.
      expect(row[7]).toMatchObject({ type: 'float', value: String(Number(pct.replace(',', '.'))) });
      expect(row[6]!.type).toBe('float');
    }
  });
});
