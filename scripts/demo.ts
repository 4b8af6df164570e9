/**
 * `npm run demo`: builds the extension, serves the demo storefront on 127.0.0.1 and opens
 * Chromium with the extension loaded at the first shop's home page. Without a display (or
 * with `--headless`) it checks the extension is up and writes screenshots to demo-output/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIRS, findBrowser, INSTALL_HINT, launchWithExtension } from '../tests/support/browser';
import { startFixtureServer } from '../tests/support/fixture-server';

const OUT = resolve('demo-output');

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || !hasDisplay();
  const browser = findBrowser();
  if (!browser) {
    console.error(`No Chromium or Chrome found. ${INSTALL_HINT}`);
    process.exit(1);
  }

  console.log('Building the extension…');
  execSync('npx wxt build', { stdio: 'inherit' });
  const server = await startFixtureServer({ port: Number(process.env.DEMO_PORT ?? 0) });
  const shop = server.url('northwind', '/');
  console.log(`Demo storefront: ${shop} (rival: ${server.url('contoso', '/')}, webmail: ${server.url('mail', '/')})`);

  if (browser.branded) {
    console.log(
      `Only Google Chrome was found (${browser.path}); since version 137 it ignores --load-extension.\n` +
        `Load the build by hand: open chrome://extensions, switch on Developer mode, click "Load unpacked"\n` +
        `and choose ${EXTENSION_DIRS.production}. Then visit ${shop}.\n` +
        `The demo storefront keeps running until you press Ctrl+C.`,
    );
    return;
  }

  const session = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production, headless });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(shop);

  if (!headless) {
    console.log('Chromium is open with Touchpoint Auditor loaded. Close the browser (or Ctrl+C) to stop.');
    await new Promise<void>((done) => session.context.on('close', () => done()));
    await server.close();
    return;
  }

  mkdirSync(OUT, { recursive: true });
  const popup = await session.openExtensionPage('popup.html');
  const ping = await popup.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'touchpoint-auditor', type: 'ping', payload: {} }),
  );
  if (!ping?.ok) throw new Error(`The extension did not answer: ${JSON.stringify(ping)}`);
  await page.waitForTimeout(1_500); // let the shop's own pop-ups appear, as a shopper sees them
  const shopShot = resolve(OUT, 'demo-shop.png');
  await page.screenshot({ path: shopShot });
  await popup.setViewportSize({ width: 360, height: 520 });
  const popupShot = resolve(OUT, 'popup.png');
  await popup.screenshot({ path: popupShot });
  console.log(`Extension ${ping.value.version} is up (${ping.value.rubrics} rubric).`);
  console.log(`Screenshots:\n  ${shopShot}\n  ${popupShot}`);
  await session.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
