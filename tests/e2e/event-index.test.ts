import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { readHandlerIndex, unclassified } from './support/event-index';
import { closeSession, openSession } from './support/session';
import { openPage } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession()));
afterAll(() => closeSession({ server, ext }));

describe("the guard's event types against this Chromium's own index", () => {
  it('classifies every type a page can listen for: guarded, or left to the page on purpose', async () => {
    const page = await openPage(ext, server.url('northwind', '/returns.html'));
    const index = await page.evaluate(readHandlerIndex);
    // A sanity floor: the index was read (a broken read would classify nothing).
    expect(index.length).toBeGreaterThan(100);
    expect(index).toContain('keydown');
    expect(unclassified(index)).toEqual([]);
    await page.close();
  });
});
