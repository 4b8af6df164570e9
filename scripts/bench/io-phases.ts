/**
 * `WXT_OUT_DIR=… npx tsx scripts/bench/io-phases.ts [n…]`: the CSV, backup export and import
 * jobs phase by phase, in an extension page of the production build (build it first).
 */
import { resolve } from 'node:path';
import { EXTENSION_DIRS, launchWithExtension } from '../../tests/support/browser';
import { bundleForPage } from './run-in-page';

/** What the page scripts put on `globalThis`. */
interface Bench {
  tpaScale: {
    seed(n: number): Promise<{ studyId: string; ms: number }>;
    backupImport(n: number): Promise<{ importMs: number; bulkPutMs: number; ok: boolean }>;
  };
  tpaPhases: {
    exportJobs(studyId: string): Promise<unknown>;
    importPhases(n: number): Promise<unknown>;
  };
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const scale = await bundleForPage(resolve('scripts/bench/page/scale.ts'));
  const phases = await bundleForPage(resolve('scripts/bench/page/io-phases.ts'));
  const ext = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  const page = await ext.openExtensionPage('popup.html');
  await page.evaluate(scale);
  await page.evaluate(phases);
  try {
    for (const n of sizes.length ? sizes : [10_000]) {
      const seeded = await page.evaluate(
        (k) => (globalThis as unknown as Bench).tpaScale.seed(k),
        n,
      );
      console.log(`\n## ${n}: seeded in ${seeded.ms.toFixed(0)} ms`);
      const e = await page.evaluate(
        (id) => (globalThis as unknown as Bench).tpaPhases.exportJobs(id),
        seeded.studyId,
      );
      console.log(JSON.stringify(e, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));
      const i = await page.evaluate(
        (k) => (globalThis as unknown as Bench).tpaPhases.importPhases(k),
        n,
      );
      console.log(JSON.stringify(i, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));
      const imp = await page.evaluate(
        (k) => (globalThis as unknown as Bench).tpaScale.backupImport(k),
        n,
      );
      console.log(
        `bench import ${imp.importMs.toFixed(0)} ms vs bulkPut ${imp.bulkPutMs.toFixed(0)} ms: ${(imp.importMs / imp.bulkPutMs).toFixed(2)}× ok=${imp.ok}`,
      );
    }
  } finally {
    await ext.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
