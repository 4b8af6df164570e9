import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext } from 'playwright-core';
import {
  chromiumArgs,
  EXTENSION_DIRS,
  findBrowser,
  INSTALL_HINT,
  launchWithExtension,
  type ExtensionSession,
} from '../../tests/support/browser';
import { seedAudit } from '../../tests/e2e/support/tagger';

/** Same-origin iframes of the page measured (a news page with ad slots). */
const IFRAMES = 30;
/** Every frame of it gets the content script: the iframes and the top one. */
const FRAMES = IFRAMES + 1;
/** Targets per frame over the page without the extension (issue 14). */
const SCRIPT_TARGET_MS = 0.3;
const HEAP_TARGET_KB = 50;

/** A news page with 30 same-origin ad frames, served on loopback. */
function startNewsServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url?.startsWith('/ad.html')) {
      res.end('<!doctype html><title>ad</title><p>Advertisement <a href="#">Buy</a></p>');
      return;
    }
    const slots = Array.from(
      { length: IFRAMES },
      (_, i) => `<iframe src="/ad.html?slot=${i}" width="300" height="60"></iframe>`,
    );
    res.end(`<!doctype html><title>News</title><h1>Today</h1><p>Story.</p>${slots.join('')}`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://news.localhost:${(server.address() as AddressInfo).port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/**
 * An extension whose content script does nothing, in every frame from document_start: what any
 * content script costs a frame (Chromium gives it an isolated world of its own), the floor
 * under the figure of "audit running".
 */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tpa-empty-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script',
    version: '1.0',
    background: { service_worker: 'worker.js' },
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['empty.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_start',
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), '');
  writeFileSync(join(dir, 'empty.js'), 'void 0;\n');
  return dir;
}

/** What one load of the page cost its renderer, from DevTools `Performance.getMetrics`. */
interface Cost {
  scriptMs: number;
  taskMs: number;
  heapKb: number;
}

/**
 * Loads the page in a fresh tab with the metrics on from the start (so the content scripts'
 * document_start work counts) and reads the script and task time the load added, then, once
 * it settled, the heap after a garbage collection (what stays, not what awaits collection).
 */
async function loadCost(context: BrowserContext, url: string): Promise<Cost> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name: string) => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === name)?.value ?? 0;
    };
    // The counters are the renderer's since it started: only what the load added counts.
    const scriptBefore = await metric('ScriptDuration');
    const taskBefore = await metric('TaskDuration');
    await page.goto(url, { waitUntil: 'load' });
    // Up to the load event, where the content scripts' work is; the heap once it settled.
    const scriptMs = ((await metric('ScriptDuration')) - scriptBefore) * 1000;
    const taskMs = ((await metric('TaskDuration')) - taskBefore) * 1000;
    await page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapKb = (await metric('JSHeapUsedSize')) / 1024;
    return { scriptMs, taskMs, heapKb };
  } finally {
    await page.close();
  }
}

/** The value at quantile `q` (0–1) of some numbers (nearest rank). */
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** A configuration's cost over another's, per frame: the median and quartiles of the rounds. */
interface Over {
  script: { median: number; p25: number; p75: number };
  taskMs: number;
  heapKb: number;
}

/** The costs of each configuration, one per round, loads taken in turn. */
async function alternate(
  configs: { name: string; context: BrowserContext }[],
  url: string,
  rounds: number,
): Promise<Map<string, Cost[]>> {
  const samples = new Map(configs.map((c) => [c.name, [] as Cost[]]));
  // One warm-up load each (caches, first compile), not counted.
  for (const c of configs) await loadCost(c.context, url);
  for (let round = 0; round < rounds; round++) {
    // The order turns each round, so no configuration always goes first.
    for (let i = 0; i < configs.length; i++) {
      const c = configs[(i + round) % configs.length]!;
      samples.get(c.name)!.push(await loadCost(c.context, url));
    }
  }
  return samples;
}

/**
 * `costs` over `base`, per frame, round by round (the loads of one round were taken within
 * seconds of each other, so the machine's drifting load weighs on both alike).
 */
function over(costs: Cost[], base: Cost[]): Over {
  const per = (f: (c: Cost) => number) => costs.map((c, i) => (f(c) - f(base[i]!)) / FRAMES);
  const script = per((c) => c.scriptMs);
  return {
    script: {
      median: quantile(script, 0.5),
      p25: quantile(script, 0.25),
      p75: quantile(script, 0.75),
    },
    taskMs: quantile(
      per((c) => c.taskMs),
      0.5,
    ),
    heapKb: quantile(
      per((c) => c.heapKb),
      0.5,
    ),
  };
}

/**
 * Per-frame cost of the extension on a page with 30 same-origin iframes: the same page in
 * Chromium without the extension, with it and no audit, and with it while an audit runs,
 * loaded in turn in one run (production build unless `extensionDir` names another). Prints
 * the figures over the page without the extension, divided by the frames, against the targets.
 */
export async function benchFrames(
  rounds = 11,
  extensionDir: string = EXTENSION_DIRS.production,
): Promise<void> {
  const found = findBrowser();
  if (!found) throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  const news = await startNewsServer();
  const plain = await chromium.launch({ executablePath: found.path, args: chromiumArgs() });
  let idle: ExtensionSession | undefined;
  let auditing: ExtensionSession | undefined;
  let floor: ExtensionSession | undefined;
  const emptyDir = emptyExtension();
  try {
    idle = await launchWithExtension({ extensionDir });
    auditing = await launchWithExtension({ extensionDir });
    floor = await launchWithExtension({ extensionDir: emptyDir });
    await seedAudit(auditing);
    const costs = await alternate(
      [
        {
          name: 'without',
          context: await plain.newContext({ viewport: { width: 1280, height: 800 } }),
        },
        { name: 'no audit', context: idle.context },
        { name: 'audit running', context: auditing.context },
        { name: 'an empty content script', context: floor.context },
      ],
      news.url,
      rounds,
    );
    const base = costs.get('without')!;
    const mid = (f: (c: Cost) => number) => quantile(base.map(f), 0.5);
    console.log(
      `\n## Per-frame cost of the extension: a page with ${IFRAMES} same-origin iframes (${FRAMES} frames), ${rounds} rounds of loads in turn; medians of the rounds (script: with its quartiles)`,
    );
    console.log(
      `page without the extension: script ${mid((c) => c.scriptMs).toFixed(1)} ms, tasks ${mid((c) => c.taskMs).toFixed(1)} ms, heap ${(mid((c) => c.heapKb) / 1024).toFixed(1)} MB`,
    );
    console.log(
      'per frame, over the page without it'.padEnd(44) +
        'script (quartiles)'.padStart(24) +
        'tasks'.padStart(12) +
        'heap'.padStart(10),
    );
    const row = (name: string, o: Over, verdict: string) =>
      console.log(
        name.padEnd(44) +
          `${o.script.median.toFixed(2)} ms (${o.script.p25.toFixed(2)}–${o.script.p75.toFixed(2)})`.padStart(
            24,
          ) +
          `${o.taskMs.toFixed(2)} ms`.padStart(12) +
          `${o.heapKb.toFixed(0)} KB`.padStart(10) +
          `   ${verdict}`,
      );
    for (const name of ['no audit', 'audit running', 'an empty content script']) {
      const o = over(costs.get(name)!, base);
      const within = (ok: boolean) => (ok ? 'within' : 'OVER');
      const verdict =
        name === 'an empty content script'
          ? '(the floor: any content script)'
          : `script ${within(o.script.median <= SCRIPT_TARGET_MS)}, heap ${within(o.heapKb <= HEAP_TARGET_KB)}`;
      row(name, o, verdict);
    }
    row(
      'audit running, over the empty content script',
      over(costs.get('audit running')!, costs.get('an empty content script')!),
      '(what the stub itself adds)',
    );
    console.log(
      `targets per frame: script ≤ ${SCRIPT_TARGET_MS} ms, heap ≤ ${HEAP_TARGET_KB} KB ("no audit" should be ~0)`,
    );
  } finally {
    await floor?.close();
    rmSync(emptyDir, { recursive: true, force: true });
    await auditing?.close();
    await idle?.close();
    await plain.close();
    await news.close();
  }
}
