import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReauditChecklist } from '../../../lib/audit';
import { createHandlers } from '../../../lib/background';
import type { TabFrame } from '../../../lib/background/show-anchor';
import { textChangedBetween, type VisitIo } from '../../../lib/background/visit-again';
import {
  AuditorDb,
  createTouchpoint,
  createTouchpointWithEvidence,
  endActiveAudit,
  getActiveAudit,
  getDraft,
  openNextWave,
  saveDraft,
  seedDefaults,
  startAudit,
} from '../../../lib/db';
import { CHANNEL, createDispatcher, type ContentEnvelope } from '../../../lib/messaging';
import type { Anchor, Touchpoint } from '../../../lib/model';
import { dropDb, runningAudit } from '../db/test-db';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const popup = { id: EXT, url: `${ORIGIN}popup.html` };
const shopTab = (tabId: number) => ({
  id: EXT,
  url: 'https://shop.test/p',
  tab: { id: tabId },
  frameId: 0,
});
const now = new Date('2026-11-22T10:00:00.000Z');
const URL_P = 'https://shop.test/p';

const oldAnchor: Anchor = {
  css: 'div.promo > p',
  text: 'Spring sale: 20 % off',
  rect: { x: 10, y: 20, width: 300, height: 40 },
  framePath: ['#shop-frame'],
  kind: 'element',
};

let db: AuditorDb;
let old: Touchpoint;
let dispatch: ReturnType<typeof createDispatcher>;
let asked: { type: string; frameId: number | undefined; framePath?: string[] }[];
/** What the frames answer to refindAnchor, by frame id. */
let answers: Record<number, unknown>;
let tabsShowing: number[];

const frames: TabFrame[] = [
  { frameId: 0, parentFrameId: -1, url: URL_P },
  { frameId: 4, parentFrameId: 0, url: 'https://shop.test/inner.html' },
];

function fakeIo(): VisitIo {
  const record = (message: ContentEnvelope, frameId: number | undefined) => {
    const payload = message.payload as { anchor?: Anchor };
    asked.push({ type: message.type, frameId, framePath: payload.anchor?.framePath });
  };
  return {
    tabsShowing: async () => tabsShowing,
    openTab: async () => 7,
    focusTab: async (tabId) => void asked.push({ type: 'focus', frameId: tabId }),
    whenLoaded: async () => ({ url: URL_P, title: 'Product' }),
    frames: {
      askFrame: async (_tab, message, frameId) => (record(message, frameId), answers[frameId]),
      listFrames: async () => frames,
    },
    sendToTab: async (_tab, message, frameId) => {
      record(message, frameId);
      return { ok: true, value: { started: true } };
    },
    thumbnail: async () => 'data:image/jpeg;base64,AAAA',
  };
}

const send = (type: string, payload: unknown, sender: object = popup) =>
  dispatch({ channel: CHANNEL, type, payload }, sender);

beforeEach(async () => {
  db = new AuditorDb(`visit-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
  const { study, audit: w1 } = await runningAudit(db, now, { shopper: 'A' });
  const saved = await createTouchpointWithEvidence(
    db,
    {
      auditId: w1.id,
      category: 'pricing_promotions',
      stage: 'consideration',
      channel: 'web',
      source: 'page',
      url: URL_P,
      pageTitle: 'Product',
      anchor: oldAnchor,
      scores: { clarity: 4, speed: 'NA' },
      notes: 'promo',
    },
    {
      blob: new Blob(['x'], { type: 'image/jpeg' }),
      mime: 'image/jpeg',
      width: 1,
      height: 1,
      sha256: '0'.repeat(64),
      url: URL_P,
    },
    now,
  );
  old = saved.touchpoint;
  await endActiveAudit(db, now);
  await openNextWave(db, study.id, 'W2', now);
  await startAudit(db, { studyId: study.id, brandId: 'b', shopper: 'A', scenario: '' }, now);
  asked = [];
  tabsShowing = [];
  answers = {
    0: { ok: true, value: { forwardTo: { frameUrl: 'https://shop.test/inner.html' } } },
    4: {
      ok: true,
      value: {
        matchedBy: 'text',
        anchor: {
          ...oldAnchor,
          css: 'div.strip > p',
          text: 'Spring  sale:\n20 % off',
          framePath: [],
        },
      },
    },
  };
  const handlers = createHandlers({
    db,
    now: () => now,
    version: '0',
    extensionOrigin: ORIGIN,
    visitIo: fakeIo(),
  });
  dispatch = createDispatcher(handlers, { extensionId: EXT, log: () => undefined });
});
afterEach(() => dropDb(db));

describe('textChangedBetween', () => {
  it.each([
    ['Spring sale', 'Spring sale', false],
    ['Spring  sale\n', ' Spring sale', false],
    ['Spring sale', 'spring SALE', true],
    ['Spring sale', 'Summer sale', true],
    ['Spring sale', '', true],
  ])('%j then %j: changed %s', (before, after, changed) => {
    expect(textChangedBetween({ ...oldAnchor, text: before }, { ...oldAnchor, text: after })).toBe(
      changed,
    );
  });
});

describe('visit again', () => {
  it('finds the element frame by frame, keeps the pending re-audit in the tab draft and starts the tagger', async () => {
    expect(await send('visitAgain', { previousId: old.id })).toEqual({
      ok: true,
      value: { tabId: 7, relocatedBy: 'text' },
    });
    expect(asked).toEqual([
      { type: 'refindAnchor', frameId: 0, framePath: ['#shop-frame'] },
      { type: 'refindAnchor', frameId: 4, framePath: [] },
      { type: 'startTagging', frameId: 0, framePath: undefined },
    ]);
    const draft = await getDraft(db, 'tab:7');
    expect(draft).toMatchObject({
      category: 'pricing_promotions',
      stage: 'consideration',
      scores: {},
      url: URL_P,
      // The element as the page is now, with the path to its frame.
      anchor: { css: 'div.strip > p', framePath: ['#shop-frame'] },
      reaudit: {
        previousId: old.id,
        wave: 'W1',
        relocatedBy: 'text',
        textChanged: false,
        scores: { clarity: 4, speed: 'NA' },
        shot: 'data:image/jpeg;base64,AAAA',
      },
    });
    // The tagger sees the note, not the earlier touchpoint's id.
    const got = await send('getDraft', {}, shopTab(7));
    expect(got).toMatchObject({
      ok: true,
      value: { reaudit: { wave: 'W1', relocatedBy: 'text' } },
    });
    expect(JSON.stringify(got)).not.toContain(old.id);
  });

  it('links the saved touchpoint to the earlier one, and the checklist shows it done', async () => {
    await send('visitAgain', { previousId: old.id });
    const id = (await getDraft(db, 'tab:7'))!.touchpointId!;
    const form = {
      category: 'pricing_promotions',
      stage: 'consideration',
      channel: 'web',
      scores: { clarity: 5 },
      notes: 'better',
      includeFieldValues: false,
    };
    const place = { url: URL_P, pageTitle: 'Product', anchor: oldAnchor };
    // Typing keeps the pending re-audit with the draft.
    await send('saveDraft', { form, place, touchpointId: id }, shopTab(7));
    expect((await getDraft(db, 'tab:7'))?.reaudit?.previousId).toBe(old.id);
    expect(await send('saveTouchpoint', { id, form, place }, shopTab(7))).toMatchObject({
      ok: true,
    });
    expect(await db.touchpoints.get(id)).toMatchObject({
      previousId: old.id,
      relocatedBy: 'text',
      textChanged: false,
      scores: { clarity: 5 },
    });
    expect(await getDraft(db, 'tab:7')).toBeUndefined();
    const list = await loadReauditChecklist(db, (await getActiveAudit(db))!);
    expect(list?.items[0]?.reauditedBy?.id).toBe(id);
  });

  it('does not hand the re-audit to another tag made in that tab', async () => {
    await send('visitAgain', { previousId: old.id });
    const form = {
      category: 'cart',
      stage: 'purchase',
      channel: 'web',
      scores: {},
      notes: '',
      includeFieldValues: false,
    };
    const place = { url: URL_P, pageTitle: 'Product', anchor: null };
    await send('saveDraft', { form, place, touchpointId: 'other-tag' }, shopTab(7));
    expect((await getDraft(db, 'tab:7'))?.reaudit).toBeUndefined();
    await send('saveTouchpoint', { id: 'other-tag', form, place }, shopTab(7));
    expect((await db.touchpoints.get('other-tag'))?.previousId).toBeUndefined();
  });

  it('tags the whole page when the element is gone, and says nothing of its text', async () => {
    answers = { 0: { ok: true, value: { matchedBy: 'none', anchor: null } } };
    await send('visitAgain', { previousId: old.id });
    const draft = await getDraft(db, 'tab:7');
    expect(draft?.anchor).toMatchObject({ css: 'html', kind: 'page', framePath: [] });
    expect(draft?.reaudit?.relocatedBy).toBe('none');
    expect(draft?.reaudit).not.toHaveProperty('textChanged');
  });

  it('reuses a tab on the page unless the shopper has a draft there', async () => {
    tabsShowing = [5, 6];
    await saveDraft(db, { ...(await draftLike()), tabKey: 'tab:5' });
    expect(await send('visitAgain', { previousId: old.id })).toMatchObject({
      ok: true,
      value: { tabId: 6 },
    });
    expect(asked[0]).toEqual({ type: 'focus', frameId: 6 });
    expect((await getDraft(db, 'tab:5'))?.notes).toBe('mine');
  });

  it.each([
    [
      'a touchpoint that is not on the checklist',
      () => ({ previousId: 'nope' }),
      popup,
      'not-found',
    ],
    ['a content script', () => ({ previousId: old.id }), shopTab(2), 'forbidden-sender'],
    ['an extra field', () => ({ previousId: old.id, tabId: 3 }), popup, 'invalid-message'],
  ])('refuses %s', async (_what, payload, sender, code) => {
    expect(await send('visitAgain', payload(), sender)).toMatchObject({
      ok: false,
      error: { code },
    });
    expect(asked).toEqual([]);
  });

  it('refuses when no audit runs', async () => {
    await endActiveAudit(db, now);
    expect(await send('visitAgain', { previousId: old.id })).toMatchObject({
      ok: false,
      error: { code: 'no-active-audit' },
    });
  });

  it('counts an item done once a touchpoint of the audit names it', async () => {
    const audit = (await getActiveAudit(db))!;
    await createTouchpoint(
      db,
      { ...old, auditId: audit.id, previousId: old.id, relocatedBy: 'css', textChanged: false },
      now,
    );
    const list = await loadReauditChecklist(db, audit);
    expect(list?.items.map((i) => !!i.reauditedBy)).toEqual([true]);
  });
});

/** A draft of the shopper's own work in another tab. */
async function draftLike() {
  return {
    tabKey: 'tab:0',
    auditId: null,
    category: 'cart',
    stage: 'purchase' as const,
    channel: 'web' as const,
    scores: {},
    notes: 'mine',
    includeFieldValues: false,
    url: URL_P,
    pageTitle: 'Product',
    anchor: null,
    updatedAt: now.toISOString(),
  };
}
