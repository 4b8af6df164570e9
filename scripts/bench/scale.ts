import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIRS,
  launchWithExtension,
  type ExtensionSession,
} from '../../tests/support/browser';
import { bundleForPage } from './run-in-page';

/** Page-world script: records when the first element matching each watched selector appears. */
const FIRST_RENDER_PROBE = `
(() => {
  const watch = { report: '[data-testid="report-comparison"]', popup: '[data-testid="popup-end-audit"]', touchpoints: '[data-testid="touchpoint-row"]', review: '[data-testid="review-touchpoint"]' };
  const seen = {};
  window.__tpaFirst = seen;
  const check = () => { for (const [k, sel] of Object.entries(watch)) if (!(k in seen) && document.querySelector(sel)) seen[k] = performance.now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

interface ScaleApi {
  seed(n: number, trend?: boolean): Promise<{ studyId: string; ms: number }>;
  fullScan(studyId: string): Promise<number>;
  trendRead(studyId: string): Promise<{ ms: number; wavesWithData: number }>;
  csv(studyId: string): Promise<Record<string, number>>;
  backupImport(
    n: number,
  ): Promise<{ importMs: number; bulkPutMs: number; ok: boolean; bytes: number }>;
  markReviewed(studyId: string): Promise<{ firstTouchpointId: string }>;
}

async function callScale<K extends keyof ScaleApi>(
  page: Page,
  fn: K,
  ...args: Parameters<ScaleApi[K]>
): Promise<Awaited<ReturnType<ScaleApi[K]>>> {
  return page.evaluate(
    ([name, a]) =>
      (globalThis as unknown as { tpaScale: Record<string, (...x: unknown[]) => unknown> })
        .tpaScale[name as string]!(...(a as unknown[])),
    [fn, args] as const,
  ) as Promise<Awaited<ReturnType<ScaleApi[K]>>>;
}

/** Opens an extension page `runs` times; the median time until `key`'s element appeared. */
async function firstRender(
  ext: ExtensionSession,
  path: string,
  key: string,
  runs: number,
): Promise<number | undefined> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
    const at = await page
      .waitForFunction(
        (k) => (window as unknown as { __tpaFirst: Record<string, number> }).__tpaFirst[k],
        key,
        { timeout: 30_000 },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => undefined);
    await page.close();
    if (at === undefined) return undefined;
    times.push(at);
  }
  return median(times);
}

/**
 * The production build in Chromium with the first-render probe, and an extension page that
 * holds the bench's in-page code (scripts/bench/page/scale.ts) to seed and measure with.
 */
async function openScaleBench() {
  const script = await bundleForPage(resolve('scripts/bench/page/scale.ts'));
  const ext = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  await ext.context.addInitScript({ content: FIRST_RENDER_PROBE });
  const helper = await ext.openExtensionPage('popup.html');
  await helper.evaluate(script);
  return { ext, helper };
}

/** Report, popup, touchpoints view, CSV and backup figures at 10,000 and 100,000 touchpoints. */
export async function benchScale(sizes: number[]): Promise<void> {
  const { ext, helper } = await openScaleBench();
  try {
    for (const n of sizes) {
      console.log(
        `\n## ${n.toLocaleString('en')} touchpoints (5 brands, 50 audits; headless Chromium)`,
      );
      const seeded = await callScale(helper, 'seed', n);
      console.log(
        `seeded through the data-access layer (counters and report totals kept) in ${ms(seeded.ms)}`,
      );

      const report = await firstRender(ext, `report.html?study=${seeded.studyId}`, 'report', 5);
      const scans: number[] = [];
      for (let i = 0; i < 3; i++) scans.push(await callScale(helper, 'fullScan', seeded.studyId));
      const scan = median(scans);
      console.log(
        `report first render: ${report === undefined ? 'did not render' : ms(report)} (target ≤ 300 ms) · full scan with raw getAll + aggregate: ${ms(scan)}` +
          (report ? ` · ${(scan / report).toFixed(1)}× faster (target ≥ 10× at 100,000)` : ''),
      );
      const popup = await firstRender(ext, 'popup.html', 'popup', 5);
      console.log(
        `popup first full render (active audit shown): ${popup === undefined ? 'did not render' : ms(popup)} (target ≤ 150 ms at 100,000)`,
      );
      const view = await firstRender(
        ext,
        `touchpoints.html?study=${seeded.studyId}`,
        'touchpoints',
        3,
      );
      console.log(
        `touchpoints view, first page of results: ${view === undefined ? 'did not render' : ms(view)} (target ≤ 300 ms at 100,000)`,
      );

      const c = await callScale(helper, 'csv', seeded.studyId);
      console.log(
        `touchpoints.csv: ${ms(c.productMs!)} (${(c.productBytes! / 1e6).toFixed(1)} MB, page frozen at most ${ms(c.productMaxGapMs!)}; target ≤ 100 ms)` +
          ` · raw getAll + rows + papaparse.unparse: ${ms(c.directMs!)} (frozen ${ms(c.directMaxGapMs!)}) · ratio ${(c.productMs! / c.directMs!).toFixed(2)}× (target ≤ 1.3× at 100,000)`,
      );
      console.log(`comparison.csv from the kept totals: ${ms(c.comparisonMs!)}`);
      console.log(
        `backup export: ${ms(c.backupExportMs!)} (page frozen at most ${ms(c.backupExportMaxGapMs!)})`,
      );
      const imp = await callScale(helper, 'backupImport', n);
      console.log(
        `backup import (${(imp.bytes / 1e6).toFixed(1)} MB, validation and merge included): ${ms(imp.importMs)}${imp.ok ? '' : ' (REFUSED)'}` +
          ` · Dexie bulkPut of the same records: ${ms(imp.bulkPutMs)} · ratio ${(imp.importMs / imp.bulkPutMs).toFixed(2)}× (target ≤ 1.5× at 10,000)`,
      );
      // Last: it hands the audits in, which the figures above do not expect.
      await reviewQueueFigure(ext, helper, seeded.studyId);
    }
    await benchTrend(helper, sizes.at(-1)!);
  } finally {
    await ext.close();
  }
}

/**
 * The review queue's first screen (`touchpoints.html?review=1`): the seeded audits handed in,
 * the median time until the first touchpoint of the first submitted audit is shown.
 */
async function reviewQueueFigure(ext: ExtensionSession, helper: Page, studyId: string) {
  const { firstTouchpointId } = await callScale(helper, 'markReviewed', studyId);
  const path = `touchpoints.html?study=${studyId}&review=1`;
  // First the screen must show the touchpoint it should (this untimed visit also lets the
  // database settle after the writes, as the figures measured after the CSV and backup do).
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  const shown = await page
    .getByTestId('review-touchpoint')
    .getAttribute('data-id', { timeout: 30_000 })
    .catch(() => null);
  await page.close();
  const at = await firstRender(ext, path, 'review', 5);
  console.log(
    `review queue, first touchpoint of the first submitted audit: ${at === undefined ? 'did not render' : ms(at)} (target ≤ 300 ms at 100,000)` +
      (shown === firstTouchpointId ? '' : ` — WRONG touchpoint shown: ${shown ?? 'none'}`),
  );
}

/**
 * Only the review queue's figure (`npm run bench -- --only=review-queue`): the scale study of
 * `n` touchpoints seeded, handed in, and its queue opened.
 */
export async function benchReviewQueue(n: number): Promise<void> {
  const { ext, helper } = await openScaleBench();
  try {
    console.log(
      `\n## Review queue, ${n.toLocaleString('en')} touchpoints (5 brands, 50 audits; headless Chromium)`,
    );
    const seeded = await callScale(helper, 'seed', n);
    console.log(`seeded through the data-access layer in ${ms(seeded.ms)}`);
    await reviewQueueFigure(ext, helper, seeded.studyId);
  } finally {
    await ext.close();
  }
}

/** The trend figure: a study of `n` touchpoints over eight waves, read for the report. */
async function benchTrend(helper: Page, n: number): Promise<void> {
  console.log(
    `\n## Trend: ${n.toLocaleString('en')} touchpoints × 8 waves (4 brands, 64 audits; headless Chromium)`,
  );
  const seeded = await callScale(helper, 'seed', n, true);
  console.log(
    `seeded through the data-access layer (counters and report totals kept, per wave) in ${ms(seeded.ms)}`,
  );
  const runs: { ms: number; wavesWithData: number }[] = [];
  for (let i = 0; i < 5; i++) runs.push(await callScale(helper, 'trendRead', seeded.studyId));
  console.log(
    `trend read (loadReportHead + buildComparison of each wave, ${runs[0]!.wavesWithData} waves with data, median of 5): ${ms(median(runs.map((r) => r.ms)))} (target ≤ 300 ms at 100,000 × 8 waves)`,
  );
}
