import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIRS, launchWithExtension } from '../../tests/support/browser';
import { bundleForPage } from './run-in-page';

const MB = 1024 * 1024;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${(x / MB).toFixed(0)} MB`;
const HEAP_TARGET = 300 * MB;
const FREEZE_TARGET = 100;
const RATIO_TARGET = 1.5;
const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');

/** The sizes measured: the issue's (`--full`) or a quicker cut of them (the default). */
export interface ArchiveBenchSize {
  touchpoints: number;
  imageBytes: number;
  csvTouchpoints: number;
}
export const FULL: ArchiveBenchSize = {
  touchpoints: 5_000,
  imageBytes: 150 * 1024,
  csvTouchpoints: 1_000_000,
};
export const QUICK: ArchiveBenchSize = {
  touchpoints: 500,
  imageBytes: 150 * 1024,
  csvTouchpoints: 100_000,
};

type Api = Record<string, (...args: unknown[]) => Promise<Record<string, unknown>>>;
async function call<T = Record<string, number>>(page: Page, fn: string, ...args: unknown[]) {
  return page.evaluate(
    ([name, a]) =>
      (globalThis as unknown as { tpaArchive: Api }).tpaArchive[name as string]!(
        ...(a as unknown[]),
      ),
    [fn, args] as const,
  ) as Promise<T>;
}

/**
 * Runs `job` while sampling the page's JS heap (DevTools `Performance.getMetrics`,
 * JSHeapUsedSize) every 50 ms after a garbage collection; the peak and the start.
 */
async function withHeap<T>(
  cdp: CDPSession,
  job: () => Promise<T>,
): Promise<{ value: T; peak: number; start: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const used = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  const start = await used();
  let peak = start;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, await used());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const value = await job();
    return { value, peak: Math.max(peak, await used()), start };
  } finally {
    running = false;
    await sampling;
  }
}

/**
 * The archive (export, import) and streaming CSV figures in the production build, on an
 * extension page (the product's database): heap peak, longest freeze, time against the same
 * bytes as plain files through the same APIs.
 */
export async function benchArchive(size: ArchiveBenchSize, full: boolean): Promise<void> {
  const script = await bundleForPage(resolve('scripts/bench/page/archive.ts'));
  const ext = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  try {
    const page = await ext.openExtensionPage('popup.html');
    await page.evaluate(script);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const total = (size.touchpoints * size.imageBytes) / MB;
    console.log(
      `\n## Backup archive: ${size.touchpoints.toLocaleString('en')} touchpoints × ${size.imageBytes / 1024} KB of evidence (≈ ${total.toFixed(0)} MB; ${full ? 'full size, --full' : 'quick size; --full runs 5,000 × 150 KB'}), headless Chromium`,
    );
    const seeded = await call(page, 'seedArchive', size.touchpoints, size.imageBytes);
    console.log(`seeded in ${ms(seeded.ms!)} (${mb(seeded.bytes!)} of images)`);

    const ex = await withHeap(cdp, () => call(page, 'exportRun'));
    const plainEx = await call(page, 'plainExportRun');
    console.log(
      `export: ${ms(ex.value.ms!)} (${mb(ex.value.bytes!)}) · same bytes as plain files: ${ms(plainEx.ms!)} · ratio ${(ex.value.ms! / plainEx.ms!).toFixed(2)}× (target ≤ ${RATIO_TARGET}×: ${verdict(ex.value.ms! / plainEx.ms! <= RATIO_TARGET)})`,
    );
    console.log(
      `export heap peak ${mb(ex.peak)} (from ${mb(ex.start)}; target < ${mb(HEAP_TARGET)}: ${verdict(ex.peak < HEAP_TARGET)}) · longest freeze: frames ${ms(ex.value.maxGapMs!)}, long task ${ms(ex.value.longTaskMs!)} (target ≤ ${FREEZE_TARGET} ms: ${verdict(Math.max(ex.value.maxGapMs!, ex.value.longTaskMs!) <= FREEZE_TARGET)})`,
    );

    const im = await withHeap(cdp, () =>
      call<Record<string, number | boolean | string>>(page, 'importRun'),
    );
    const plainIm = await call(page, 'plainImportRun');
    const imMs = im.value.ms as number;
    console.log(
      `import (checked, staged, swapped in): ${ms(imMs)}${im.value.ok ? '' : ` REFUSED ${String(im.value.problem)}`} — ${String(im.value.touchpoints)} touchpoints, ${String(im.value.evidence)} screenshots · same bytes read as plain files and put: ${ms(plainIm.ms!)} · ratio ${(imMs / plainIm.ms!).toFixed(2)}× (target ≤ ${RATIO_TARGET}×: ${verdict(imMs / plainIm.ms! <= RATIO_TARGET)})`,
    );
    const imFreeze = Math.max(im.value.maxGapMs as number, im.value.longTaskMs as number);
    console.log(
      `import heap peak ${mb(im.peak)} (from ${mb(im.start)}; target < ${mb(HEAP_TARGET)}: ${verdict(im.peak < HEAP_TARGET)}) · longest freeze: frames ${ms(im.value.maxGapMs as number)}, long task ${ms(im.value.longTaskMs as number)} (target ≤ ${FREEZE_TARGET} ms: ${verdict(imFreeze <= FREEZE_TARGET)}; on the page's own thread here — the report page imports in a worker)`,
    );
    await call(page, 'release');

    console.log(
      `\n## touchpoints.csv, ${size.csvTouchpoints.toLocaleString('en')} touchpoints (200 audits), streamed`,
    );
    const csvSeed = await call<{ ms: number; studyId: string }>(
      page,
      'seedCsv',
      size.csvTouchpoints,
    );
    console.log(`seeded in ${ms(csvSeed.ms)}`);
    const csv = await withHeap(cdp, () => call(page, 'csvRun', csvSeed.studyId));
    console.log(
      `touchpoints.csv: ${ms(csv.value.ms!)} (${mb(csv.value.bytes!)}) · heap peak ${mb(csv.peak)} (from ${mb(csv.start)}; target < ${mb(HEAP_TARGET)}: ${verdict(csv.peak < HEAP_TARGET)}) · longest freeze: frames ${ms(csv.value.maxGapMs!)}, long task ${ms(csv.value.longTaskMs!)}`,
    );
    await call(page, 'wipe');
  } finally {
    await ext.close();
  }
}
