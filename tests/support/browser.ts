import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The install command named when no browser is found. */
export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
];

const CHROME_CANDIDATES = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** A browser found on this machine; `branded` Google Chrome ignores --load-extension (137+). */
export interface FoundBrowser {
  path: string;
  branded: boolean;
}

/** Finds Chromium (CHROMIUM_PATH first), then Google Chrome; undefined when there is none. */
export function findBrowser(): FoundBrowser | undefined {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return { path: env, branded: false };
  const chromiumPath = CANDIDATES.find((p) => existsSync(p));
  if (chromiumPath) return { path: chromiumPath, branded: false };
  const chromePath = CHROME_CANDIDATES.find((p) => existsSync(p));
  return chromePath ? { path: chromePath, branded: true } : undefined;
}

/** The unpacked builds: production for people, `-e2e` for tests (open shadow root only). */
const outDir = process.env.WXT_OUT_DIR ?? '.output';
export const EXTENSION_DIRS = {
  production: resolve(outDir, 'chrome-mv3'),
  e2e: resolve(outDir, 'chrome-mv3-e2e'),
};

/** A Chromium with the extension loaded, and what tests need to drive it. */
export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens an extension page, e.g. `popup.html` or `report.html?study=…`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Flags that keep a headless Chromium quiet on a machine with no network but loopback. */
export function chromiumArgs(extensionDir?: string): string[] {
  return [
    ...(extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

/** Launches Chromium with an unpacked extension and waits for its service worker. */
export async function launchWithExtension(
  opts: {
    extensionDir?: string;
    headless?: boolean;
    userDataDir?: string;
    viewport?: { width: number; height: number };
    /** Device pixel ratio of every page (2 for a high-DPI screen). */
    deviceScaleFactor?: number;
  } = {},
): Promise<ExtensionSession> {
  const found = findBrowser();
  if (!found) throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  const extensionDir = opts.extensionDir ?? EXTENSION_DIRS.e2e;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const ownProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'tpa-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: found.path,
    headless: opts.headless ?? true,
    args: chromiumArgs(extensionDir),
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
