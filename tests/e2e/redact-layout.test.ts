import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Box } from '../../lib/anchoring/position';
import type { KindCount } from '../../lib/capture/redact';
import type { SensitiveBox } from '../../lib/capture/redact/dom';
import { chromiumArgs, findBrowser, INSTALL_HINT } from '../support/browser';
import { imagePixels } from './support/evidence-pixels';

/**
 * lib/capture/redact in real Chromium, where text has layout: a confirmation page's personal
 * data is found, boxed where the text is (Range rects, clipped to the capture, merged), the
 * boxes drawn, and a JPEG screenshot decoded to check each box is solid where the text was and
 * that what is not personal data still shows. Also the time a 5,000-node page takes.
 */
const FIXTURE = readFileSync(join(__dirname, '../fixtures/redaction/confirmation.html'), 'utf8');

type RedactPage = {
  sensitiveBoxes(root: Document, capture: Box): { boxes: SensitiveBox[]; counts: KindCount[] };
  rectOfText(text: string): Box | null;
  drawBoxes(boxes: readonly SensitiveBox[]): void;
  timeLargePage(
    rows: number,
    runs: number,
  ): { nodes: number; read: number; find: number; spans: number; boxes: number };
};

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': resolve('.') } },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve('tests/e2e/support/redact-page.ts'),
        formats: ['iife'],
        name: 'tpaRedactPage',
        fileName: 'redact-page',
      },
    },
  });
  for (const out of Array.isArray(result) ? result : [result]) {
    const chunk = 'output' in out ? out.output.find((o) => o.type === 'chunk') : undefined;
    if (chunk?.type === 'chunk') return chunk.code;
  }
  throw new Error('Could not bundle the redaction page module');
}

let browser: Browser;
let page: Page;
let script: string;
const VIEWPORT = { width: 900, height: 700 };

async function open(): Promise<Page> {
  const p = await browser.newPage({ viewport: VIEWPORT });
  await p.setContent(FIXTURE);
  await p.addScriptTag({ content: script });
  return p;
}

type Api = { tpaRedactPage: RedactPage };

const boxesIn = (p: Page, capture: Box) =>
  p.evaluate((c) => (window as unknown as Api).tpaRedactPage.sensitiveBoxes(document, c), capture);
const rectOf = async (p: Page, text: string): Promise<Box> => {
  const rect = await p.evaluate(
    (t) => (window as unknown as Api).tpaRedactPage.rectOfText(t),
    text,
  );
  if (!rect) throw new Error(`no text "${text}" on the page`);
  return rect;
};

beforeAll(async () => {
  const found = findBrowser();
  if (!found) throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  script = await bundle();
  browser = await chromium.launch({
    executablePath: found.path,
    headless: true,
    args: chromiumArgs(),
  });
  page = await open();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const contains = (outer: Box, inner: Box) =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('redaction in Chromium', () => {
  const capture = { x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height };
  const shown = {
    email: 'anna.berzina@inbox.lv',
    order: 'A-204551',
    phone: '+371 2000 0000',
    iban: 'LV80 BANK 0000 4351 9500 1',
  } as const;

  it('boxes each piece of personal data where its text is, and nothing else', async () => {
    const { boxes, counts } = await boxesIn(page, capture);
    expect(Object.fromEntries(counts.map((c) => [c.kind, c.count]))).toEqual({
      email: 1,
      order: 1,
      card: 1,
      phone: 1,
      iban: 1,
    });
    for (const [kind, text] of Object.entries(shown)) {
      const rect = await rectOf(page, text);
      expect(
        boxes.some((b) => b.kind === kind && contains(b.rect, rect)),
        kind,
      ).toBe(true);
    }
    // The card is split over two spans: its two parts' boxes merged into one.
    const card = boxes.filter((b) => b.kind === 'card');
    expect(card).toHaveLength(1);
    for (const part of ['4242 4242']) {
      const rect = await rectOf(page, part);
      expect(contains(card[0]!.rect, rect)).toBe(true);
    }
    for (const text of ['1 299,00 €', '30.11.2026 until 18:00', 'Order number', 'Visa']) {
      const rect = await rectOf(page, text);
      expect(
        boxes.some((b) => overlaps(b.rect, rect)),
        text,
      ).toBe(false);
    }
  });

  it('clips boxes to the captured area and counts only what is inside it', async () => {
    const email = await rectOf(page, shown.email);
    const half = { x: 0, y: 0, width: email.x + email.width / 2, height: VIEWPORT.height };
    const { boxes, counts } = await boxesIn(page, half);
    const box = boxes.find((b) => b.kind === 'email')!;
    expect(box.rect.x + box.rect.width).toBeLessThanOrEqual(half.width);
    const above = { x: 0, y: 0, width: VIEWPORT.width, height: email.y - 4 };
    const none = await boxesIn(page, above);
    expect(none.counts).toEqual([]);
    expect(counts.find((c) => c.kind === 'email')).toEqual({ kind: 'email', count: 1 });
  });

  it('leaves solid boxes where the text was in a JPEG of the page', async () => {
    const shot = await open();
    try {
      const rects: Record<string, Box> = {};
      for (const text of [...Object.values(shown), '4242 4242', '1 299,00 €'])
        rects[text] = await rectOf(shot, text);
      await shot.evaluate((c) => {
        const api = (window as unknown as Api).tpaRedactPage;
        api.drawBoxes(api.sensitiveBoxes(document, c).boxes);
      }, capture);
      const jpeg = await shot.screenshot({ type: 'jpeg', quality: 80 });
      const inner = (r: Box) => ({
        x: Math.ceil(r.x) + 1,
        y: Math.ceil(r.y) + 1,
        width: Math.floor(r.width) - 2,
        height: Math.floor(r.height) - 2,
      });
      for (const text of [...Object.values(shown), '4242 4242']) {
        const px = await imagePixels(shot, jpeg, inner(rects[text]!));
        expect(px.nearColour, text).toBeGreaterThan(0.98);
        expect(px.spread, text).toBeLessThan(40);
      }
      // The price is not personal data: its text still shows, light background and dark glyphs.
      const price = await imagePixels(shot, jpeg, inner(rects['1 299,00 €']!));
      expect(price.nearColour).toBeLessThan(0.4);
      expect(price.spread).toBeGreaterThan(100);
    } finally {
      await shot.close();
    }
  });

  it('reads a page of 5,000 text nodes in well under 50 ms', async () => {
    const big = await open();
    try {
      const t = await big.evaluate(() =>
        (window as unknown as Api).tpaRedactPage.timeLargePage(1_000, 7),
      );
      console.log(
        `[redact/chromium] ${t.nodes} text nodes: read ${t.read.toFixed(1)} ms, find ${t.find.toFixed(1)} ms, spans ${t.spans.toFixed(1)} ms, boxes ${t.boxes.toFixed(1)} ms (median of 7)`,
      );
      expect(t.spans).toBeLessThan(50);
      expect(t.boxes).toBeLessThan(50);
    } finally {
      await big.close();
    }
  });
});
