import { chromium, type Page } from 'playwright-core';
import { resolve } from 'node:path';
import { build } from 'vite';
import { chromiumArgs, findBrowser, INSTALL_HINT } from '../../tests/support/browser';
import { startFixtureServer, type FixtureServer } from '../../tests/support/fixture-server';

/** Bundles a bench module (TypeScript, imports lib/) into one script for a page. */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': resolve('.') } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'tpaBenchModule', fileName: 'bench' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error(`Could not bundle ${entry}`);
}

/** A loopback page in plain Chromium with bench scripts loaded. */
export interface BenchPage {
  page: Page;
  close(): Promise<void>;
}

/** Opens Chromium on a loopback origin (so IndexedDB behaves as on a real page). */
export async function openBenchPage(scripts: string[]): Promise<BenchPage> {
  const found = findBrowser();
  if (!found) throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  const server: FixtureServer = await startFixtureServer();
  const browser = await chromium.launch({
    executablePath: found.path,
    headless: true,
    args: chromiumArgs(),
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/`);
  for (const content of scripts) await page.addScriptTag({ content });
  return {
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
