import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIXTURE_HOSTS } from './fixture-server';

/** The install command named when no Firefox is found. */
export const FIREFOX_INSTALL_HINT =
  'Install Firefox ESR (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to a Firefox binary.';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

/** Finds Firefox (FIREFOX_PATH first); undefined when there is none. */
export function findFirefox(): string | undefined {
  const env = process.env.FIREFOX_PATH;
  if (env && existsSync(env)) return env;
  return CANDIDATES.find((p) => existsSync(p));
}

/** The Firefox build the tests load: `npm run build:firefox -- --mode e2e` (open shadow root). */
export const FIREFOX_EXTENSION_DIR = resolve(
  process.env.WXT_OUT_DIR ?? '.output',
  'firefox-mv2-e2e',
);

/** The add-on's id (wxt.config.ts) and the moz-extension host the tests fix for it. */
const GECKO_ID = 'touchpoint-auditor@touchpoint-auditor.invalid';
const UUID = '5b7a3b52-2f7e-4d0c-9a41-7a1c0e0d7e11';

/** A Firefox with the add-on installed temporarily, and what tests need to drive it. */
export interface FirefoxSession {
  browser: Browser;
  /** Where downloads land, without asking. */
  downloadDir: string;
  /** Installs the add-on (`about:debugging`'s "Load Temporary Add-on…"). */
  install(): Promise<void>;
  /** Opens an extension page, e.g. `popup.html?tab=…`, and waits until its document loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Firefox over WebDriver BiDi with `*.localhost` resolving to the loopback address,
 * extension pages reachable (`--remote-allow-system-access`) at a fixed moz-extension host,
 * and downloads saved to a folder of its own.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`No Firefox found. ${FIREFOX_INSTALL_HINT}`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\`.`);
  }
  const downloadDir = mkdtempSync(join(tmpdir(), 'tpa-ff-downloads-'));
  const hosts = Object.values(FIXTURE_HOSTS).map((h) => h.hostname);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'network.dns.localDomains': [...hosts, 'hostile.localhost'].join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  return {
    browser,
    downloadDir,
    async install() {
      await browser.installExtension(FIREFOX_EXTENSION_DIR);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${UUID}/${path.replace(/^\//, '')}`;
      // BiDi reports no navigation events of extension pages: start it, then poll.
      void page.goto(url).catch(() => undefined);
      const until = Date.now() + 10_000;
      while (Date.now() < until) {
        const ready = await page
          .evaluate(() => [location.href, document.readyState] as const)
          .catch(() => null);
        if (ready?.[0] === url && ready[1] === 'complete') return page;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${url} did not open`);
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}
