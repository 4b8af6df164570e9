/**
 * `npm run bench`: prints speed and size figures, each against the target printed next to it.
 * Figures only: a benchmark never fails the test suite on time.
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { EXTENSION_DIRS } from '../tests/support/browser';
import { measureBundles } from './bench/bundle-sizes';
import { bundleForPage, openBenchPage } from './bench/run-in-page';
import { benchArchive, FULL, QUICK } from './bench/archive';
import { benchCalibration } from './bench/calibration';
import { benchFrames } from './bench/frames';
import { benchReviewQueue, benchScale } from './bench/scale';
import { benchTagger } from './bench/tagger';
import { benchSync } from './bench/sync';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** The document_start stub (issue 14). */
const STUB_BUDGET = 5 * 1024;
const CONTENT_SCRIPT_BUDGET = 30 * 1024;

/**
 * `--only=review-queue` measures that figure alone (at 100,000 touchpoints); `--only=frames`
 * the extension's per-frame cost on a page of 30 iframes, with no audit and with one running;
 * `--only=tagger` the picker, pick → panel and Save figures; `--only=sync` team sync of 10,000
 * touchpoints with screenshots through a CouchDB-protocol server against plain uploads, in
 * Node and between two Chromium profiles (`TPA_SYNC_BROWSER=0` skips the browsers);
 * `--only=archive` the backup archive and streaming CSV figures (500 × 150 KB and 100,000 rows;
 * with `--full` 5,000 × 150 KB and 1,000,000 rows, the sizes, several minutes).
 */
const FULL_SIZE = process.argv.includes('--full');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const ALONE: Record<string, () => Promise<void>> = {
  'review-queue': () => benchReviewQueue(100_000),
  frames: () => benchFrames(),
  tagger: () => benchTagger(400, 9),
  sync: () => benchSync(Number(process.env.TPA_SYNC_N ?? 10_000)),
  archive: () => benchArchive(FULL_SIZE ? FULL : QUICK, FULL_SIZE),
};

async function main(): Promise<void> {
  if (ONLY) {
    const alone = ALONE[ONLY];
    if (!alone) throw new Error(`--only=${ONLY}: measured alone: ${Object.keys(ALONE).join(', ')}`);
    // Sync's Node figures need no extension; its browser figures do (TPA_SYNC_BROWSER=0 skips).
    if (ONLY !== 'sync' || process.env.TPA_SYNC_BROWSER !== '0') {
      console.log('Building the production extension…');
      execSync('npx wxt build', { stdio: 'ignore' });
    }
    // The tagger's figures press Save in the panel, which only the e2e build's open root allows.
    if (ONLY === 'tagger') execSync('npx wxt build --mode e2e', { stdio: 'ignore' });
    await alone();
    return;
  }
  console.log('Building the production and end-to-end extensions…');
  execSync('npx wxt build', { stdio: 'ignore' });
  execSync('npx wxt build --mode e2e', { stdio: 'ignore' });

  console.log('\n## Bundle sizes (production, chrome-mv3)');
  console.log('file'.padEnd(48) + 'raw'.padStart(12) + 'gzip'.padStart(12));
  const sizes = measureBundles(EXTENSION_DIRS.production);
  for (const s of sizes)
    console.log(s.file.padEnd(48) + kb(s.raw).padStart(12) + kb(s.gzip).padStart(12));
  const tagger = sizes.find((s) => s.file === 'content-scripts/tagger.js');
  if (tagger) {
    const verdict = tagger.gzip <= CONTENT_SCRIPT_BUDGET ? 'within' : 'OVER';
    console.log(
      `tagger (run in on demand): ${kb(tagger.gzip)} gzip — target ≤ ${kb(CONTENT_SCRIPT_BUDGET)}: ${verdict}`,
    );
  }
  const stub = sizes.find((s) => s.file === 'stub.js');
  if (stub) {
    const verdict = stub.gzip <= STUB_BUDGET ? 'within' : 'OVER';
    console.log(
      `stub (every frame during an audit): ${kb(stub.gzip)} gzip — target ≤ ${kb(STUB_BUDGET)}: ${verdict}`,
    );
  }

  console.log('\n## IndexedDB writes, 10,000 touchpoints (headless Chromium, median of 3)');
  const script = await bundleForPage(resolve('scripts/bench/page/idb-writes.ts'));
  const bench = await openBenchPage([script]);
  try {
    const r = await bench.page.evaluate(() =>
      (
        globalThis as unknown as {
          tpaBench: {
            benchWrites(n: number, runs: number): Promise<{ dexieMs: number; rawMs: number }>;
          };
        }
      ).tpaBench.benchWrites(10_000, 3),
    );
    console.log(
      `data-access layer (Dexie, chunks of 2,000, counters kept): ${r.dexieMs.toFixed(0)} ms`,
    );
    console.log(`raw IndexedDB, one transaction, same index:             ${r.rawMs.toFixed(0)} ms`);
    console.log(
      `ratio: ${(r.dexieMs / r.rawMs).toFixed(2)}× (measured here before: Dexie ~1.2× raw)`,
    );
  } finally {
    await bench.close();
  }

  await benchFrames();
  benchCalibration();
  await benchTagger(400, 9);
  await benchArchive(FULL_SIZE ? FULL : QUICK, FULL_SIZE);
  await benchScale(process.argv.includes('--quick') ? [10_000] : [10_000, 100_000]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
