import { statSync } from 'node:fs';
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
  csvTouchpoints: Number(process.env.TPA_FULL_CSV ?? 1_000_000),
};
export const QUICK: ArchiveBenchSize = {
  touchpoints: Number(process.env.TPA_QUICK_N ?? 500),
  imageBytes: 150 * 1024,
  csvTouchpoints: Number(process.env.TPA_QUICK_CSV ?? 100_000),
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

/** Page-world script: the longest gap between animation frames and the longest long task. */
const FREEZE_PROBE = `
(() => {
  const f = { maxGap: 0, maxLong: 0 };
  window.__tpaFreeze = f;
  let last = performance.now();
  const tick = () => { const t = performance.now(); f.maxGap = Math.max(f.maxGap, t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) f.maxLong = Math.max(f.maxLong, e.duration); }).observe({ type: 'longtask' });
  window.__tpaFreezeReset = () => { f.maxGap = 0; f.maxLong = 0; last = performance.now(); };
})();
`;

interface Freeze {
  maxGap: number;
  maxLong: number;
}
const resetFreeze = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tpaFreezeReset(): void }).__tpaFreezeReset());
const readFreeze = (page: Page) =>
  page.evaluate(() => ({ ...(window as unknown as { __tpaFreeze: Freeze }).__tpaFreeze }));

/**
 * The JS heap of a page and of the workers it starts, sampled every 50 ms: the page's from
 * DevTools `Performance.getMetrics` (JSHeapUsedSize), each worker's from `Runtime.getHeapUsage`
 * through the page's auto-attached worker targets.
 */
async function heapWatcher(cdp: CDPSession) {
  const workers = new Set<string>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  let next = 1;
  const pending = new Map<number, (used: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (m.id !== undefined) pending.get(m.id)?.(m.result?.usedSize ?? 0);
    if (m.id !== undefined) pending.delete(m.id);
  });
  await cdp.send('Performance.enable');
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const workerHeap = async (sessionId: string) => {
    const id = next++;
    const used = new Promise<number>((r) => pending.set(id, r));
    try {
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message });
    } catch {
      pending.delete(id);
      return 0;
    }
    return Promise.race([used, new Promise<number>((r) => setTimeout(() => r(0), 1_000))]);
  };
  return async function watch<T>(job: () => Promise<T>) {
    await cdp.send('HeapProfiler.collectGarbage');
    let page = 0;
    let worker = 0;
    let running = true;
    const sampling = (async () => {
      while (running) {
        const { metrics } = await cdp.send('Performance.getMetrics').catch((e: unknown) => {
          console.log(`(heap sampling stopped: ${String(e)})`);
          running = false;
          return { metrics: [] };
        });
        page = Math.max(page, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
        for (const w of workers) worker = Math.max(worker, await workerHeap(w));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    try {
      return { value: await job(), page, worker };
    } finally {
      running = false;
      await sampling;
    }
  };
}

/**
 * The archive figures: the export through the product itself (the report page's button, its
 * worker writing the archive, the download), heap of the page and of its worker and the page's
 * longest freeze; the import of the downloaded file on the helper page's own thread (the worst
 * case for freezes). Times against the same bytes as plain files through the same APIs (Blob
 * parts, IndexedDB), run on the helper page.
 */
async function benchArchiveThroughReport(
  ext: Awaited<ReturnType<typeof launchWithExtension>>,
  helper: Page,
  size: ArchiveBenchSize,
  full: boolean,
): Promise<void> {
  const total = (size.touchpoints * size.imageBytes) / MB;
  console.log(
    `\n## Backup archive: ${size.touchpoints.toLocaleString('en')} touchpoints × ${size.imageBytes / 1024} KB of evidence (≈ ${total.toFixed(0)} MB; ${full ? 'full size, --full' : 'quick size; --full runs 5,000 × 150 KB'}), report page of the production build, headless Chromium`,
  );
  const seeded = await call(helper, 'seedArchive', size.touchpoints, size.imageBytes);
  console.log(`seeded in ${ms(seeded.ms!)} (${mb(seeded.bytes!)} of images)`);
  const report = await ext.openExtensionPage('report.html');
  report.on('crash', () => console.log('(the report page crashed)'));
  report.on('pageerror', (e) => console.log(`(report page error: ${e.message})`));
  const cdp = await ext.context.newCDPSession(report);
  const watch = await heapWatcher(cdp);
  await report.getByTestId('report-export-archive').waitFor();

  await resetFreeze(report);
  const started = Date.now();
  const ex = await watch(async () => {
    const [download] = await Promise.all([
      report.waitForEvent('download', { timeout: 30 * 60_000 }),
      report.getByTestId('report-export-archive').click(),
    ]);
    const ms = Date.now() - started;
    return { ms, path: (await download.path())! };
  });
  const exFreeze = await readFreeze(report);
  const bytes = statSync(ex.value.path).size;
  const plainEx = await call(helper, 'plainExportRun');
  const exRatio = ex.value.ms / plainEx.ms!;
  console.log(
    `export (click → download): ${ms(ex.value.ms)} (${mb(bytes)}) · same bytes as plain files: ${ms(plainEx.ms!)} · ratio ${exRatio.toFixed(2)}× (target ≤ ${RATIO_TARGET}×: ${verdict(exRatio <= RATIO_TARGET)})`,
  );
  const exHeap = Math.max(ex.page, ex.worker);
  console.log(
    `export heap peak: page ${mb(ex.page)}, its worker ${mb(ex.worker)} (target < ${mb(HEAP_TARGET)}: ${verdict(exHeap < HEAP_TARGET)}) · page's longest freeze: frames ${ms(exFreeze.maxGap)}, long task ${ms(exFreeze.maxLong)} (target ≤ ${FREEZE_TARGET} ms: ${verdict(Math.max(exFreeze.maxGap, exFreeze.maxLong) <= FREEZE_TARGET)})`,
  );

  await report.close();

  // The downloaded archive, handed to the helper page as a File (on disk, as an input gives it).
  await helper.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    document.body.append(input);
  });
  await helper.locator('#bench-file').setInputFiles(ex.value.path);
  const helperCdp = await ext.context.newCDPSession(helper);
  await helperCdp.send('Performance.enable');
  // Import and plain import alternate, `rounds` times: on a loaded machine the median of each
  // is steadier than one run (the heap and freezes are the worst of all rounds).
  const rounds = Number(process.env.TPA_ARCHIVE_ROUNDS ?? (full ? 1 : 3));
  const imTimes: number[] = [];
  const checkTimes: number[] = [];
  const plainTimes: number[] = [];
  let peak = 0;
  let start = Infinity;
  let worstGap = 0;
  let worstLong = 0;
  let last: Record<string, number | boolean | string> = {};
  for (let round = 0; round < rounds; round += 1) {
    const im = await withHeap(helperCdp, () =>
      call<Record<string, number | boolean | string>>(helper, 'importRun'),
    );
    last = im.value;
    imTimes.push(im.value.ms as number);
    checkTimes.push(im.value.checkMs as number);
    peak = Math.max(peak, im.peak);
    start = Math.min(start, im.start);
    worstGap = Math.max(worstGap, im.value.maxGapMs as number);
    worstLong = Math.max(worstLong, im.value.longTaskMs as number);
    plainTimes.push((await call(helper, 'plainImportRun')).ms!);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const imMs = median(imTimes);
  const plainMs = median(plainTimes);
  const imRatio = imMs / plainMs;
  const of = rounds > 1 ? ` (median of ${rounds}: ${imTimes.map(ms).join(', ')})` : '';
  const plainOf = rounds > 1 ? ` (${plainTimes.map(ms).join(', ')})` : '';
  console.log(
    `import (checked, screenshots written once, swapped in): ${ms(imMs)}${of}${last.ok ? '' : ` REFUSED ${String(last.problem)}`} — ${String(last.touchpoints)} touchpoints, ${String(last.evidence)} screenshots; checking and writing ${ms(median(checkTimes))}, swap ${ms(imMs - median(checkTimes))} · same bytes read as plain files and put: ${ms(plainMs)}${plainOf} · ratio ${imRatio.toFixed(2)}× (target ≤ ${RATIO_TARGET}×: ${verdict(imRatio <= RATIO_TARGET)})`,
  );
  const imFreeze = Math.max(worstGap, worstLong);
  console.log(
    `import heap peak ${mb(peak)} (from ${mb(start)}; target < ${mb(HEAP_TARGET)}: ${verdict(peak < HEAP_TARGET)}) · longest freeze: frames ${ms(worstGap)}, long task ${ms(worstLong)} (target ≤ ${FREEZE_TARGET} ms: ${verdict(imFreeze <= FREEZE_TARGET)}; measured on an extension page's own thread, the worst case: the report page imports in its worker)`,
  );
  await call(helper, 'release');
}

/**
 * The archive (export, import) and streaming CSV figures in the production build: the archive
 * through the report page (see `benchArchiveThroughReport`), `touchpoints.csv` on an extension
 * page's own thread, as the report page builds it.
 */
export async function benchArchive(size: ArchiveBenchSize, full: boolean): Promise<void> {
  const script = await bundleForPage(resolve('scripts/bench/page/archive.ts'));
  const ext = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  try {
    await ext.context.addInitScript({ content: FREEZE_PROBE });
    const page = await ext.openExtensionPage('popup.html');
    await page.evaluate(script);
    await benchArchiveThroughReport(ext, page, size, full);
    if (process.env.TPA_ARCHIVE_NO_CSV) return;
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');

    console.log(
      `\n## touchpoints.csv, ${size.csvTouchpoints.toLocaleString('en')} touchpoints (200 audits), streamed on the page's thread`,
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
