import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findBrowser, INSTALL_HINT } from '../support/browser';
import type { Measurement, SavedPage } from './support/anchoring-page';

/**
 * The change-kinds measurement of tests/lib/anchoring/change-kinds.test.ts in real Chromium,
 * where pages have layout and the position fallback is reached: lib/anchoring is bundled into
 * a plain page (no extension), each saved page is changed in each way, and the table says how
 * each target was found again, and how often a wrong element came back (never, asserted).
 */
const FIXTURES = join(__dirname, '../fixtures');
const PAGES = [
  'anchoring/real/news-article.html',
  'anchoring/real/shop-product.html',
  'anchoring/shop.html',
];
const SNIPPETS = readdirSync(join(FIXTURES, 'real-markup')).filter((f) => f.endsWith('.html'));

const pages: SavedPage[] = [
  ...PAGES.map((source) => ({ source, html: readFileSync(join(FIXTURES, source), 'utf8') })),
  ...SNIPPETS.map((source) => {
    const html = readFileSync(join(FIXTURES, 'real-markup', source), 'utf8');
    return { source, html, target: /target: (.*?);/.exec(html)![1]! };
  }),
];

/** The page module and lib/anchoring as one script that sets `tpaAnchoringPage`. */
async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': resolve('.') } },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve('tests/e2e/support/anchoring-page.ts'),
        formats: ['iife'],
        name: 'tpaAnchoringPage',
        fileName: 'anchoring-page',
      },
    },
  });
  for (const out of Array.isArray(result) ? result : [result]) {
    const chunk = 'output' in out ? out.output.find((o) => o.type === 'chunk') : undefined;
    if (chunk?.type === 'chunk') return chunk.code;
  }
  throw new Error('Could not bundle the anchoring page module');
}

let browser: Browser;
let measured: Measurement;

beforeAll(async () => {
  const found = findBrowser();
  if (!found) throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  const script = await bundle();
  browser = await chromium.launch({
    executablePath: found.path,
    headless: true,
    args: chromiumArgs(),
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  await page.addScriptTag({ content: script });
  measured = await page.evaluate(
    (saved) =>
      (
        window as unknown as {
          tpaAnchoringPage: { measure(p: SavedPage[]): Promise<Measurement> };
        }
      ).tpaAnchoringPage.measure(saved),
    pages,
  );
  const rows = Object.entries(measured.tallies).map(
    ([kind, t]) =>
      `[anchors/chromium] ${kind} | ${t.css} | ${t.text} | ${t.position} | ${t.none} | ${t.wrong}`,
  );
  console.log(
    [
      `[anchors/chromium] ${measured.targets} targets per change kind`,
      '[anchors/chromium] change kind | css | text | position | none | wrong element',
      ...rows,
      ...measured.wrong.map((w) => `[anchors/chromium] wrong: ${w}`),
    ].join('\n'),
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('anchors after a real page changed, in Chromium with layout', () => {
  it('measured every target under every change kind', () => {
    expect(measured.targets).toBeGreaterThan(100);
    for (const t of Object.values(measured.tallies))
      expect(t.css + t.text + t.position + t.none).toBe(measured.targets);
  });

  it.each([
    'new same-tag element earlier',
    'classes renamed',
    'sibling inserted',
    'text edited slightly',
    'moved into a new wrapper',
    'classes renamed, text rewritten',
  ])('never returns a wrong element: %s', (kind) => {
    expect(measured.tallies[kind]).toBeDefined();
    expect(measured.tallies[kind]!.wrong).toBe(0);
  });

  it('reaches the position fallback when CSS and text are both defeated', () => {
    expect(measured.tallies['classes renamed, text rewritten']!.position).toBeGreaterThan(0);
  });
});
