import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIRS, launchWithExtension } from '../../tests/support/browser';
import { bundleForPage } from './run-in-page';
import { frameGaps, longTasks, traced } from './trace';
import {
  describeFreeze,
  FREEZE_PROBE,
  readFreeze,
  resetFreeze,
  worstFreeze,
  type Freeze,
} from './freeze-probe';

const MB = 1024 * 1024;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${(x / MB).toFixed(0)} MB`;
const HEAP_TARGET = 300 * MB;
const FREEZE_TARGET = 100;
const RATIO_TARGET = 1.5;
const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');

/** The sizes measured: the (`--full`) or a quicker cut of them (the default). */
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const listed = (xs: number[]) =>
  xs.length > 1 ? ` (median of ${xs.length}: ${xs.map(ms).join(', ')})` : '';
/**
 * With `TPA_ARCHIVE_TRACE=<folder>`, the first round of each job (or of those named in
 * `TPA_ARCHIVE_TRACE_JOBS`, e.g. `export`) runs under a DevTools trace of
 * the whole browser, written to `<folder>/archive-<name>.json`, and its tasks of 50 ms or more
 * are printed thread by thread (a traced round is slower: read its figures apart).
 */
async function maybeTraced<T>(
  cdp: CDPSession,
  name: string,
  round: number,
  job: () => Promise<T>,
): Promise<T> {
  const dir = process.env.TPA_ARCHIVE_TRACE;
  const jobs = process.env.TPA_ARCHIVE_TRACE_JOBS?.split(',') ?? [name];
  if (!dir || round > 0 || !jobs.includes(name)) return job();
  const file = resolve(dir, `archive-${name}.json`);
  const { value, events } = await traced(cdp, file, job);
  console.log(`${name}, traced (${file}); tasks of 50 ms or more:`);
  for (const line of longTasks(events)) console.log(line);
  console.log(`${name}, traced: gaps of 100 ms or more between animation frames, per page:`);
  for (const line of frameGaps(events)) console.log(line);
  return value;
}

const pageNow = (page: Page) => page.evaluate(() => Math.round(performance.now()));

/** The freeze line against the target, then what the probe saw over 100 ms. */
function printFreeze(what: string, f: Freeze): void {
  const worst = Math.max(f.maxGap, f.maxLong);
  const own = Math.max(f.maxOwnGap ?? 0, f.maxLong);
  console.log(
    `${what}: report page's longest gap between frames ${ms(f.maxGap)}, longest task ${ms(f.maxLong)} (target ≤ ${FREEZE_TARGET} ms: ${verdict(worst <= FREEZE_TARGET)}); the page's own (its thread blocked: the longest task, or a gap with a blocking long animation frame in it): ${ms(own)} (${verdict(own <= FREEZE_TARGET)}); a gap with the page's thread free is the machine's (compare the idle page)`,
  );
  for (const line of describeFreeze(f)) console.log(line);
  for (const m of f.marks) console.log(`  (${m.what} at ${m.at} ms)`);
}

/**
 * The archive figures through the product itself: the report page of the production build
 * (showing the seeded study's report, as a user would have it open) exports with its button
 * (its worker writes the archive, the page hands it to the downloads) and imports the
 * downloaded file through its file input (its worker checks, stages and swaps it in, then the
 * page shows the imported study). Measured on the report page: time from the click (or the
 * chosen file) to the download (or the "imported" status), the JS heap of the page and of its
 * worker, and the page's longest gap between animation frames and longest task, with every
 * long animation frame traced (freeze-probe.ts). Times against the same bytes as plain files
 * through the same APIs (Blob parts, IndexedDB), run on a helper page; the two alternate
 * `rounds` times and the medians are printed (heap and freezes: the worst round).
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
  await report.getByTestId('report-comparison').waitFor({ timeout: 120_000 });
  await report.getByTestId('report-export-archive').waitFor();
  const rounds = Number(process.env.TPA_ARCHIVE_ROUNDS ?? (full ? 1 : 3));
  // What the machine alone does to frames: the report page doing nothing for 3 s.
  await resetFreeze(report);
  await report.waitForTimeout(3_000);
  const idle = await readFreeze(report);
  console.log(
    `idle report page (nothing running, the machine's own noise): longest gap between frames ${ms(idle.maxGap)}, longest task ${ms(idle.maxLong)}`,
  );

  // Export: the report page's button, then the same bytes as plain files, alternating.
  const exTimes: number[] = [];
  const plainExTimes: number[] = [];
  const exFreezes: Freeze[] = [];
  let exPage = 0;
  let exWorker = 0;
  let bytes = 0;
  let archivePath = '';
  for (let round = 0; round < rounds; round += 1) {
    await report.waitForTimeout(500);
    const ex = await maybeTraced(cdp, 'export', round, () =>
      watch(async () => {
        // After the watcher's garbage collection, which is the bench's own pause.
        await resetFreeze(report);
        const started = Date.now();
        const [download] = await Promise.all([
          report.waitForEvent('download', { timeout: 30 * 60_000 }),
          report.getByTestId('report-export-archive').click(),
        ]);
        const took = Date.now() - started;
        const seen = await pageNow(report);
        const path = (await download.path())!;
        const written = await pageNow(report);
        // Frames go on being watched a second after the download is written.
        await report.waitForTimeout(1_000);
        const freeze = await readFreeze(report);
        freeze.marks.push({ at: seen, what: 'download seen' }, { at: written, what: 'written' });
        return { took, path, freeze };
      }),
    );
    const { freeze } = ex.value;
    exFreezes.push(freeze);
    exTimes.push(ex.value.took);
    exPage = Math.max(exPage, ex.page);
    exWorker = Math.max(exWorker, ex.worker);
    bytes = statSync(ex.value.path).size;
    archivePath = ex.value.path;
    plainExTimes.push((await call(helper, 'plainExportRun')).ms!);
  }
  const exRatio = median(exTimes) / median(plainExTimes);
  console.log(
    `export (click → download): ${ms(median(exTimes))}${listed(exTimes)} (${mb(bytes)}) · same bytes as plain files: ${ms(median(plainExTimes))}${listed(plainExTimes)} · ratio ${exRatio.toFixed(2)}× (target ≤ ${RATIO_TARGET}×: ${verdict(exRatio <= RATIO_TARGET)})`,
  );
  const exHeap = Math.max(exPage, exWorker);
  console.log(
    `export heap peak: page ${mb(exPage)}, its worker ${mb(exWorker)} (target < ${mb(HEAP_TARGET)}: ${verdict(exHeap < HEAP_TARGET)})`,
  );
  printFreeze('export freeze', worstFreeze(exFreezes));

  // Import: the downloaded archive chosen in the report page's file input (a File on disk)
  // into a wiped profile, then the same bytes read as plain files and put, alternating.
  const imTimes: number[] = [];
  const plainImTimes: number[] = [];
  const imFreezes: Freeze[] = [];
  let imPage = 0;
  let imWorker = 0;
  let said = '';
  let counts: Record<string, number> = {};
  for (let round = 0; round < rounds; round += 1) {
    await call(helper, 'wipe');
    await report.reload();
    await report
      .getByTestId('report-import-backup')
      .waitFor({ timeout: 180_000 })
      .catch(async (error: unknown) => {
        console.log(`(the report page shows: ${await report.locator('body').innerText()})`);
        throw error;
      });
    await report.waitForTimeout(500);
    const im = await maybeTraced(cdp, 'import', round, () =>
      watch(async () => {
        await resetFreeze(report);
        const started = Date.now();
        await report.getByTestId('report-import-backup').setInputFiles(archivePath);
        const status = report.locator('[data-testid="report-files-status"]:not(.busy)');
        await status.waitFor({ timeout: 30 * 60_000 });
        const took = Date.now() - started;
        const seen = await pageNow(report);
        // The page then shows the imported study's report: watched until it is up and a second on.
        await report.getByTestId('report-comparison').waitFor({ timeout: 120_000 });
        const shown = await pageNow(report);
        await report.waitForTimeout(1_000);
        const freeze = await readFreeze(report);
        freeze.marks.push(
          { at: seen, what: 'import status seen' },
          { at: shown, what: 'report shown' },
        );
        return { took, said: (await status.textContent()) ?? '', freeze };
      }),
    );
    const { freeze } = im.value;
    imFreezes.push(freeze);
    imTimes.push(im.value.took);
    said = im.value.said;
    imPage = Math.max(imPage, im.page);
    imWorker = Math.max(imWorker, im.worker);
    counts = await call(helper, 'counts');
    plainImTimes.push((await call(helper, 'plainImportRun')).ms!);
  }
  const imRatio = median(imTimes) / median(plainImTimes);
  console.log(
    `import (file chosen → "imported"): ${ms(median(imTimes))}${listed(imTimes)} — ${counts.touchpoints} touchpoints, ${counts.evidence} screenshots stored; the page said "${said}" · same bytes read as plain files and put: ${ms(median(plainImTimes))}${listed(plainImTimes)} · ratio ${imRatio.toFixed(2)}× (target ≤ ${RATIO_TARGET}×: ${verdict(imRatio <= RATIO_TARGET)})`,
  );
  const imHeap = Math.max(imPage, imWorker);
  console.log(
    `import heap peak: page ${mb(imPage)}, its worker ${mb(imWorker)} (target < ${mb(HEAP_TARGET)}: ${verdict(imHeap < HEAP_TARGET)})`,
  );
  printFreeze('import freeze', worstFreeze(imFreezes));
  await report.close();
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
