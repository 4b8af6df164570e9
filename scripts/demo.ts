/**
 * `npm run demo`: builds the extension, serves the demo storefront on 127.0.0.1 and opens
 * Chromium with the extension loaded, the demo study already set up, at the first shop.
 *
 * Without a display (or with `--headless`) it runs a scripted audit of both shops — the ad,
 * the chat widget inside its iframe, a checkout step, the confirmation e-mail in webmail and
 * an off-page phone call, each scored — then writes touchpoints.csv, comparison.csv,
 * backup.json and a screenshot of the report to demo-output/ and prints a summary. The
 * scripted run loads the end-to-end build, whose only difference is an open shadow root so
 * the script can reach the tagger's panel.
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import {
  EXTENSION_DIRS,
  findBrowser,
  INSTALL_HINT,
  launchWithExtension,
  type ExtensionSession,
} from '../tests/support/browser';
import { startFixtureServer, type FixtureServer } from '../tests/support/fixture-server';
import { runScriptedDemo } from './demo/run';
import { DEMO_STUDY, setUpStudy } from './demo/setup';

const OUT = resolve('demo-output');

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function runHeadless(ext: ExtensionSession, server: FixtureServer): Promise<void> {
  const result = await runScriptedDemo(ext, server, OUT);
  console.log(
    `\nScripted audits of ${DEMO_STUDY.brands.length} shops over two waves: ${result.tagged} touchpoints in ${result.seconds.toFixed(1)} s.`,
  );
  for (const line of result.summary) console.log(`  ${line}`);
  console.log(
    `Files:\n${Object.values(result.files)
      .map((f) => `  ${f}`)
      .join('\n')}`,
  );
}

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || !hasDisplay();
  const browser = findBrowser();
  if (!browser) {
    console.error(`No Chromium or Chrome found. ${INSTALL_HINT}`);
    process.exit(1);
  }
  console.log('Building the extension…');
  execSync(headless ? 'npx wxt build --mode e2e' : 'npx wxt build', { stdio: 'ignore' });
  const server = await startFixtureServer({ port: Number(process.env.DEMO_PORT ?? 0) });
  const shopUrl = server.url('northwind', '/');
  console.log(
    `Demo storefront: ${shopUrl} (rival: ${server.url('contoso', '/')}, webmail: ${server.url('mail', '/')})`,
  );

  if (browser.branded) {
    console.log(
      `Only Google Chrome was found (${browser.path}); since version 137 it ignores --load-extension.\n` +
        `Load the build by hand: open chrome://extensions, switch on Developer mode, click "Load unpacked"\n` +
        `and choose ${EXTENSION_DIRS.production}. Then visit ${shopUrl}.\n` +
        `The demo storefront keeps running until you press Ctrl+C.`,
    );
    return;
  }

  const ext = await launchWithExtension({
    extensionDir: headless ? EXTENSION_DIRS.e2e : EXTENSION_DIRS.production,
    headless,
  });
  try {
    if (headless) {
      await runHeadless(ext, server);
      return;
    }
    await setUpStudy(ext);
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(shopUrl);
    await page.bringToFront();
    console.log(
      `Chromium is open with Touchpoint Auditor loaded and the study "${DEMO_STUDY.name}" set up.\n` +
        'Start an audit from the toolbar button, tag with Alt+Shift+T. Close the browser (or Ctrl+C) to stop.',
    );
    await new Promise<void>((done) => ext.context.on('close', () => done()));
  } finally {
    await ext.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
