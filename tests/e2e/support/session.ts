import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../../support/browser';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server';
import { seedAudit, type SeededAudit } from './tagger';

/** What an e2e file drives: Chromium with the extension, and the fixture server's sites. */
export interface E2eSession {
  server: FixtureServer;
  ext: ExtensionSession;
  /** The audit written in with `seed`; undefined without. */
  seeded?: SeededAudit;
}

/**
 * Starts the fixture server, then Chromium with the extension (`launch` as for
 * `launchWithExtension`); with `seed`, writes a running audit of Northwind to tag into. Each
 * e2e file calls it in its `beforeAll` and hands what it got to {@link closeSession}.
 */
export async function openSession(
  opts: { seed?: boolean; launch?: Parameters<typeof launchWithExtension>[0] } = {},
): Promise<E2eSession> {
  const server = await startFixtureServer();
  try {
    const ext = await launchWithExtension(opts.launch);
    try {
      return { server, ext, seeded: opts.seed ? await seedAudit(ext) : undefined };
    } catch (error) {
      await ext.close();
      throw error;
    }
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Closes the browser, then the server; either may be missing when `beforeAll` failed. */
export async function closeSession({ server, ext }: Partial<E2eSession>): Promise<void> {
  await ext?.close();
  await server?.close();
}

/**
 * Stops the extension's service worker as Chrome does when it is idle, through the DevTools
 * protocol from an extension page, and waits until it has stopped.
 */
export async function stopServiceWorker(ext: ExtensionSession, page: Page): Promise<void> {
  const cdp = await ext.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const bg = versions.find((v) => v.scriptURL.endsWith('/background.js'));
      if (bg?.runningStatus === 'stopped') resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
