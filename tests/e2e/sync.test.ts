// Team sync between two browser profiles through a CouchDB-protocol server (pouchdb-server,
// in memory, on loopback), with a gate in front of it that the test closes to take the server
// away and opens to bring it back with its data (docs/SYNC.md). The lead (profile B) set the
// study up; the shopper Ana (profile A) tags and submits; the lead sees it within 5 s and
// returns it with a comment; Ana sees the comment; both edit one touchpoint while the server
// is away and end with the same winner; Ana's edit of the study is refused by the server and
// shown in her popup; writes made while the server is away reach it once, none lost.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTeamDatabase } from '../../lib/sync/setup';
import type { ExtensionSession } from '../support/browser';
import {
  ADMIN,
  startCouchServer,
  startGate,
  type CouchServer,
  type Gate,
} from '../support/couch-server';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import { announceAuditChange, readStore } from './support/extension-db';
import { openProfile, type Profile } from './support/profiles';
import { reviewIds as ids, seedReviewStudy, storedAudit, writeNotes } from './support/review-seed';
import { closeSession, openSession, stopServiceWorker } from './support/session';
import {
  openPage,
  panel,
  pickAt,
  saveAndWait,
  score,
  startTagging,
  ui,
  waitForSaved,
} from './support/tagger';

const DB = 'northwind-team';
const LEAD = { user: 'lea', password: 'lead-secret' };
const ANA = { user: 'Ana', password: 'shopper-secret' };

const opened: ExtensionSession[] = [];
let couch: CouchServer;
let gate: Gate;
let server: FixtureServer;
let shopper: ExtensionSession;
let lead: Profile;
let shopperOptions: Page;
let leadOptions: Page;
let popup: Page;

/** Turns sync on in a profile's options page, as a user would, and waits for a first round. */
async function enableSync(ext: ExtensionSession, who: { user: string; password: string }) {
  const page = await ext.openExtensionPage('options.html');
  // Off, with nothing typed: turning it on says what is missing, at each field.
  await page
    .getByTestId('sync-enable')
    .check({ trial: false })
    .catch(() => undefined);
  await page.getByTestId('sync-url-error').waitFor();
  expect(await page.getByTestId('sync-enable').isChecked()).toBe(false);
  await checkA11y(page, 'options sync section with errors', page.getByTestId('options-sync'));
  await page.getByTestId('sync-url').fill(gate.url);
  await page.getByTestId('sync-db').fill(DB);
  await page.getByTestId('sync-user').fill(who.user);
  await page.getByTestId('sync-password').fill(who.password);
  await page.getByTestId('sync-enable').check();
  await expect
    .poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('ok');
  return page;
}

/** Records of one store of a profile, by id. */
async function byId<T extends { id: string }>(page: Page, store: string): Promise<Map<string, T>> {
  return new Map((await readStore<T>(page, store)).map((r) => [r.id, r]));
}

/** The server's documents of one kind, read as its admin. */
async function serverDocs(prefix: string): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const res = await fetch(
    `${couch.url}/${DB}/_all_docs?include_docs=true&startkey=${encodeURIComponent(
      JSON.stringify(`${prefix}:`),
    )}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}:\ufff0`))}`,
    { headers: { Authorization: `Basic ${btoa(`${ADMIN.user}:${ADMIN.password}`)}` } },
  );
  const body = (await res.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
  return body.rows;
}

/** Tags one element of Northwind's returns page in the shopper's profile (one tab for all). */
let shop: Page | undefined;
async function tag(target: string, speed: number) {
  shop ??= await openPage(shopper, server.url('northwind', '/returns.html'));
  await shop.bringToFront();
  await startTagging(shop);
  await pickAt(shop, shop.locator(target));
  await panel(shop).waitFor({ state: 'visible' });
  await ui(shop).getByTestId('tagger-category').selectOption('returns_refunds');
  await score(shop, 'speed', speed);
  await score(shop, 'clarity', 4);
  await ui(shop).getByTestId('tagger-notes').fill(`tagged ${target}`);
  await saveAndWait(shop);
}

beforeAll(async () => {
  couch = await startCouchServer();
  gate = await startGate(couch.url);
  await couch.createUser(LEAD.user, LEAD.password, ['lead']);
  await couch.createUser(ANA.user, ANA.password, ['shopper']);
  await setupTeamDatabase(fetch, couch.url, DB, ADMIN);
  ({ server, ext: shopper } = await openSession());
  lead = await openProfile(opened);
  // The lead set the study up, with Ana's audit of Northwind in it.
  await seedReviewStudy(lead.ext);
});
afterAll(async () => {
  await closeSession({ server, ext: shopper });
  for (const ext of opened) await ext.close();
  await gate?.stop();
  await couch?.stop();
});

describe('team sync between a shopper’s and a lead’s profile', () => {
  let first = '';

  it('brings the lead’s study to the shopper, who tags in it', async () => {
    leadOptions = await enableSync(lead.ext, LEAD);
    expect((await serverDocs('study')).map((r) => r.id)).toEqual([`study:${ids.studyId}`]);
    shopperOptions = await enableSync(shopper, ANA);
    await expect
      .poll(async () => (await storedAudit(shopperOptions))?.review ?? null)
      .toBe('in_progress');

    // Ana takes up her audit in this browser (the running audit is a setting of the profile).
    await shopperOptions.evaluate(
      (auditId) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('touchpoint-auditor');
          open.onsuccess = () => {
            const tx = open.result.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key: 'activeAuditId', value: auditId });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      ids.auditId,
    );
    await announceAuditChange(shopperOptions);
    await tag('#delivery-info', 4);
    const { touchpoints } = await waitForSaved(shopper, 1);
    first = touchpoints[0]!.id;
    await expect
      .poll(async () =>
        (await readStore<{ id: string }>(leadOptions, 'touchpoints')).map((t) => t.id),
      )
      .toEqual([first]);
  });

  it('loses nothing and duplicates nothing when the server goes away mid-sync and comes back', async () => {
    gate.close();
    await tag('#returns-policy', 2);
    await tag('#delivery-title', 5);
    popup = await shopper.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.getByTestId('sync-status').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('offline');
    expect(Number(await popup.getByTestId('sync-status').getAttribute('data-waiting'))).toBe(4);
    // Chrome stops the idle worker meanwhile: nothing of the sync was in its memory.
    await stopServiceWorker(shopper, shopperOptions);
    gate.open();
    // "Sync now" is a message: it wakes a fresh worker, which picks up the outbox.
    await shopperOptions.getByTestId('sync-now').click();
    await expect
      .poll(async () => (await readStore(leadOptions, 'touchpoints')).length, { timeout: 15_000 })
      .toBe(3);
    await expect.poll(async () => (await readStore(leadOptions, 'evidence')).length).toBe(3);
    const onServer = await serverDocs('touchpoint');
    expect(onServer).toHaveLength(3);
    expect(new Set(onServer.map((r) => r.id)).size).toBe(3);
    expect(await serverDocs('evidence')).toHaveLength(3);
    const mine = await readStore<{ id: string; notes: string }>(shopperOptions, 'touchpoints');
    const theirs = await byId<{ id: string; notes: string }>(leadOptions, 'touchpoints');
    expect(mine.map((t) => theirs.get(t.id)?.notes)).toEqual(mine.map((t) => t.notes));
    await expect
      .poll(() => popup.getByTestId('sync-status').getAttribute('data-waiting'))
      .toBe('0');
  });

  it('shows the lead the submitted audit within 5 s', async () => {
    await popup.getByTestId('review-submit').click();
    await popup.getByTestId('popup-idle').waitFor();
    const submittedAt = Date.now();
    await expect
      .poll(
        async () => {
          const audit = await storedAudit(leadOptions);
          const tps = await readStore<{ id: string }>(leadOptions, 'touchpoints');
          const evidence = await readStore<{ touchpointId: string }>(leadOptions, 'evidence');
          return `${audit?.review} ${tps.length} ${evidence.length}`;
        },
        { timeout: 5_000, interval: 100 },
      )
      .toBe('submitted 3 3');
    expect(Date.now() - submittedAt).toBeLessThan(5_000);
    // The popup says it is in step, with nothing waiting.
    await expect
      .poll(() => popup.getByTestId('sync-status').textContent())
      .toMatch(/^synced (now|\d+ (second|minute)s? ago)$/);
  });

  it('carries the lead’s return and comment to the shopper’s popup', async () => {
    const queue = await lead.ext.openExtensionPage(
      `touchpoints.html?study=${ids.studyId}&review=1`,
    );
    await queue.getByTestId('review-reviewer-name').fill('Lea');
    await queue.getByTestId('review-reviewer-save').click();
    await queue.getByTestId('review-touchpoint').waitFor();
    // The touchpoint the lead comments on, and both later edit offline.
    first = (await queue.getByTestId('review-touchpoint').getAttribute('data-id')) ?? '';
    await queue.locator('body').click({ position: { x: 5, y: 5 } });
    await queue.keyboard.press('c');
    await queue.keyboard.type('Which branch? Add its opening hours');
    await queue.keyboard.press('Enter');
    await expect.poll(() => queue.getByTestId('review-comment-item').count()).toBe(1);
    await queue.locator('body').click({ position: { x: 5, y: 5 } });
    await queue.keyboard.press('r');
    await expect.poll(async () => (await storedAudit(queue))?.review).toBe('returned');
    await queue.close();

    const comment = popup.getByTestId('review-returned-comment');
    await expect
      .poll(() => comment.textContent(), { timeout: 10_000 })
      .toContain('— Lea: “Which branch? Add its opening hours”');
    expect(await storedAudit(popup)).toMatchObject({ review: 'returned', reviewedBy: 'Lea' });
    await popup.getByTestId('review-resume').click();
    await popup.getByTestId('review-state').waitFor();
  });

  it('makes both profiles agree on the newer edit of a touchpoint both changed offline', async () => {
    await expect
      .poll(() => shopperOptions.getByTestId('sync-status').getAttribute('data-waiting'))
      .toBe('0');
    gate.close();
    await writeNotes(lead.ext, first, 'Lead: Storgata branch');
    await writeNotes(shopper, first, 'Ana: Storgata branch, open 9–18');
    await expect
      .poll(() => shopperOptions.getByTestId('sync-status').textContent(), { timeout: 10_000 })
      .toMatch(/^not syncing: the server cannot be reached \(next try at .+\) · 1 waiting$/);

    gate.open();
    await leadOptions.getByTestId('sync-now').click();
    await shopperOptions.getByTestId('sync-now').click();
    const notes = async (page: Page) =>
      (await byId<{ id: string; notes: string }>(page, 'touchpoints')).get(first)?.notes;
    await expect
      .poll(() => notes(leadOptions), { timeout: 10_000 })
      .toBe('Ana: Storgata branch, open 9–18');
    await expect
      .poll(() => notes(shopperOptions), { timeout: 10_000 })
      .toBe('Ana: Storgata branch, open 9–18');
    const [doc] = (await serverDocs('touchpoint')).map((r) => r.doc);
    expect(doc).toMatchObject({ notes: 'Ana: Storgata branch, open 9–18', owner: 'Ana' });
    // The lead's comment survived the shopper's winning edit.
    expect(doc?.comments).toMatchObject([
      { by: 'Lea', text: 'Which branch? Add its opening hours' },
    ]);
  });

  it('reports the shopper’s refused edit of the study in the popup and keeps it locally', async () => {
    await shopperOptions.getByTestId('study-require-review').check();
    const refused = popup.getByTestId('sync-refused-item');
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(1);
    expect(await refused.getAttribute('data-doc')).toBe(`study:${ids.studyId}`);
    expect(await refused.textContent()).toBe(
      `Study ${ids.studyId}: A shopper may not change a study; only a lead may.`,
    );
    expect(await popup.getByTestId('sync-refused').locator('summary').textContent()).toBe(
      'The server refused 1 change (kept in this browser)',
    );
    // The popup's refused list and the options' sync section (on, with its status) are usable.
    await checkA11y(popup, 'popup with a refused change');
    await checkA11y(
      shopperOptions,
      'options sync section',
      shopperOptions.getByTestId('options-sync'),
    );
    const local = (await byId<{ id: string; requireReview: boolean }>(popup, 'studies')).get(
      ids.studyId,
    );
    expect(local?.requireReview).toBe(true);
    const [study] = (await serverDocs('study')).map((r) => r.doc);
    expect(study).toMatchObject({ requireReview: false });
  });
});
