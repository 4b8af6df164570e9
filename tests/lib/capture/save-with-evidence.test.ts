import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background';
import type { CaptureRequest } from '@/lib/capture';
import {
  AuditorDb,
  createBrand,
  createStudy,
  listEvidenceOf,
  seedDefaults,
  startAudit,
} from '@/lib/db';
import { createDispatcher, type SenderInfo } from '@/lib/messaging';
import { dropDb } from '../db/test-db';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const now = new Date('2026-11-22T10:15:00.000Z');
const tab: SenderInfo = {
  id: EXT,
  url: 'http://northwind.localhost/checkout.html',
  tab: { id: 7 },
  frameId: 3,
};
const msg = (type: string, payload: unknown) => ({ channel: 'touchpoint-auditor', type, payload });
const form = {
  category: 'payment',
  stage: 'purchase',
  channel: 'web',
  scores: { speed: 4 },
  notes: '',
  includeFieldValues: false,
};
const place = {
  url: tab.url!,
  pageTitle: 'Checkout',
  anchor: {
    css: '#place-order',
    text: 'Place order',
    rect: { x: 0, y: 0, width: 10, height: 10 },
    framePath: [],
  },
};

let db: AuditorDb;
let asked: CaptureRequest[];
/** What the next captures do: succeed, find no image, or throw (quota, tab gone). */
let shots: 'ok' | 'none' | 'throw';
let sentToTab: { tabId: number; message: unknown; frameId?: number }[];
let dispatch: ReturnType<typeof createDispatcher>;
/** The handlers' clock, moved on by tests that pick and then save. */
let clock: Date;
/**
 * Set, captures say the tab's pixels are taken (with one e-mail address covered) and then wait
 * for it before their image is ready: the cropping and encoding still under way.
 */
let processing: Promise<void> | null;
/** How many frames of the page the next captures cover whole (they did not answer in time). */
let coveredFrames: number;
/** The colour the tagged element has in the next capture (its box's sample). */
let colour: [number, number, number];
const sampleOf = ([r, g, b]: [number, number, number]) => ({
  side: 2,
  rgba: new Uint8Array([r, g, b, 255, r, g, b, 255, r, g, b, 255, r, g, b, 255]),
});

beforeEach(async () => {
  db = new AuditorDb(`cap-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
  const brand = await createBrand(
    db,
    { name: 'Northwind', role: 'own', domains: ['northwind.localhost'] },
    now,
  );
  const study = await createStudy(
    db,
    { name: 'S', wave: 'W', rubricId: 'default', rubricVersion: 1, brandIds: [brand.id] },
    now,
  );
  await startAudit(
    db,
    { studyId: study.id, brandId: brand.id, shopper: 'Ana', scenario: 'Buy' },
    now,
  );
  asked = [];
  shots = 'ok';
  clock = now;
  colour = [22, 163, 74];
  processing = null;
  coveredFrames = 0;
  sentToTab = [];
  const handlers = createHandlers({
    db,
    now: () => clock,
    version: '0.1.0',
    capture: async (req, _sender, { onTaken }) => {
      asked.push(req);
      if (shots === 'throw') throw new Error('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND');
      if (shots === 'none') return null;
      const frames = coveredFrames > 0 ? { coveredFrames } : {};
      if (processing) {
        onTaken?.({ redactions: [{ kind: 'email', count: 1 }], ...frames });
        await processing;
      } else onTaken?.(frames);
      return {
        ...frames,
        blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
        mime: 'image/jpeg',
        width: 40,
        height: 20,
        sha256: (colour[0] > 100 ? 'cd' : 'ab').repeat(32),
        sample: sampleOf(colour),
      };
    },
    sendToTab: async (tabId, message, frameId) => {
      sentToTab.push({ tabId, message, frameId });
    },
  });
  dispatch = createDispatcher(handlers, { extensionId: EXT, log: () => undefined });
});
afterEach(() => dropDb(db));

describe('saving a tagged touchpoint with its evidence', () => {
  it('captures first, then stores the touchpoint and its evidence together and forgets the draft', async () => {
    await dispatch(msg('saveDraft', { form, place }), tab);
    const capture = {
      rect: { x: 10, y: 20, width: 100, height: 40 },
      viewport: { width: 1280, height: 800 },
    };
    const answer = (await dispatch(
      msg('saveTouchpoint', { id: 'tp-1', form, place, capture }),
      tab,
    )) as {
      ok: true;
      value: { id: string; evidenceId: string };
    };
    expect(answer.ok).toBe(true);
    expect(asked).toEqual([capture]);
    const [evidence] = await listEvidenceOf(db, answer.value.id);
    expect(evidence).toMatchObject({
      id: answer.value.evidenceId,
      mime: 'image/jpeg',
      width: 40,
      height: 20,
      url: place.url,
      capturedAt: now.toISOString(),
    });
    expect(await dispatch(msg('getDraft', {}), tab)).toEqual({ ok: true, value: null });
  });

  it('stores the touchpoint without evidence when no capture was asked for', async () => {
    const answer = await dispatch(msg('saveTouchpoint', { id: 'tp-2', form, place }), tab);
    expect(answer).toMatchObject({ ok: true, value: { evidenceId: null } });
    expect(asked).toEqual([]);
  });

  const capture = {
    rect: { x: 10, y: 20, width: 100, height: 40 },
    viewport: { width: 1280, height: 800 },
  };
  type Answer = {
    ok: true;
    value: { id: string; evidenceId: string | null; noScreenshot: boolean };
  };
  const save = async (id: string) =>
    (await dispatch(msg('saveTouchpoint', { id, form, place, capture }), tab)) as Answer;

  it('stores a retried save once: same touchpoint, same evidence, no second capture', async () => {
    await dispatch(msg('saveDraft', { form, place, touchpointId: 'tp-9' }), tab);
    expect(await dispatch(msg('getDraft', {}), tab)).toMatchObject({
      value: { touchpointId: 'tp-9' },
    });
    const first = await save('tp-9');
    // The reply was lost; the tagger (or a reloaded page, from its draft) saves the same id again.
    await dispatch(msg('saveDraft', { form, place, touchpointId: 'tp-9' }), tab);
    const retry = await save('tp-9');
    expect(retry).toEqual(first);
    expect(first.value).toMatchObject({ id: 'tp-9', noScreenshot: false });
    expect(asked).toHaveLength(1);
    expect(await db.touchpoints.count()).toBe(1);
    expect(await db.evidence.count()).toBe(1);
    expect(await dispatch(msg('getDraft', {}), tab)).toEqual({ ok: true, value: null });
  });

  it.each(['none', 'throw'] as const)(
    'says a touchpoint was saved without a screenshot when the capture gives %s, and a retake attaches one once',
    async (failure) => {
      shots = failure;
      const saved = await save('tp-5');
      expect(saved.value).toEqual({ id: 'tp-5', evidenceId: null, noScreenshot: true });
      expect(await db.touchpoints.get('tp-5')).toBeDefined();
      expect(await listEvidenceOf(db, 'tp-5')).toEqual([]);

      shots = 'ok';
      const retake = () =>
        dispatch(msg('retakeEvidence', { id: 'tp-5', capture, includeFieldValues: false }), tab);
      const first = await retake();
      const [evidence] = await listEvidenceOf(db, 'tp-5');
      expect(first).toEqual({ ok: true, value: { evidenceId: evidence!.id } });
      expect(evidence).toMatchObject({ url: place.url, mime: 'image/jpeg' });
      expect(await retake()).toEqual(first);
      expect(asked).toHaveLength(2);
      expect(await save('tp-5')).toMatchObject({
        value: { evidenceId: evidence!.id, noScreenshot: false },
      });
    },
  );

  it('retakes nothing for a touchpoint that is not stored', async () => {
    const answer = await dispatch(
      msg('retakeEvidence', { id: 'nope', capture, includeFieldValues: false }),
      tab,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(asked).toEqual([]);
  });

  it('relays a frame’s pick to the top frame with the sender’s frame id', async () => {
    const payload = { frameUrl: 'http://chat.localhost/widget.html' };
    expect(
      await dispatch(msg('relay', { to: 'top', type: 'pickFrameElement', payload }), tab),
    ).toEqual({ ok: true, value: { delivered: true } });
    expect(sentToTab).toEqual([
      {
        tabId: 7,
        frameId: 0,
        message: {
          channel: 'touchpoint-auditor',
          type: 'pickFrameElement',
          payload: { ...payload, fromFrameId: 3 },
        },
      },
    ]);
  });

  it('finds a draft by its URL after a browser restart gave the tab a new id', async () => {
    await dispatch(
      msg('saveDraft', { form: { ...form, notes: 'typed before the restart' }, place }),
      tab,
    );
    const reopened: SenderInfo = { ...tab, tab: { id: 42 } };
    const answer = await dispatch(msg('getDraft', { url: place.url }), reopened);
    expect(answer).toMatchObject({
      ok: true,
      value: { form: { notes: 'typed before the restart' } },
    });
    expect(await dispatch(msg('getDraft', {}), tab)).toEqual({ ok: true, value: null });
  });
});

describe('capturing at the pick and comparing at Save', () => {
  const capture = {
    rect: { x: 10, y: 20, width: 100, height: 40 },
    viewport: { width: 1280, height: 800 },
  };
  const pick = (touchpointId: string, f = form) =>
    dispatch(msg('saveDraft', { form: f, place, touchpointId, pickCapture: capture }), tab);
  const save = async (id: string, f = form) =>
    (await dispatch(msg('saveTouchpoint', { id, form: f, place, capture }), tab)) as {
      ok: true;
      value: { evidenceId: string | null; changedAfterPick?: boolean };
    };
  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

  it('keeps the pick’s capture with the draft, never in what the tagger reads back', async () => {
    await pick('tp-p');
    expect(asked).toEqual([capture]);
    const draft = await db.drafts.get('tab:7');
    expect(draft?.pickShot).toMatchObject({ touchpointId: 'tp-p', masked: true });
    const answer = (await dispatch(msg('getDraft', {}), tab)) as { value: object };
    expect(JSON.stringify(answer.value)).not.toContain('pickShot');
    // The shopper types: the draft keeps the capture; a new pick drops it.
    await dispatch(msg('saveDraft', { form, place, touchpointId: 'tp-p' }), tab);
    expect((await db.drafts.get('tab:7'))?.pickShot?.touchpointId).toBe('tp-p');
    await dispatch(msg('saveDraft', { form, place, touchpointId: 'tp-q' }), tab);
    expect((await db.drafts.get('tab:7'))?.pickShot).toBeUndefined();
  });

  it('flags a touchpoint whose element changed after the pick and keeps both captures', async () => {
    await pick('tp-c');
    const pickedAt = clock.toISOString();
    later(2_000);
    colour = [220, 38, 38];
    const saved = await save('tp-c');
    expect(saved.value.changedAfterPick).toBe(true);
    expect(await db.touchpoints.get('tp-c')).toMatchObject({ changedAfterPick: true });
    const evidence = await listEvidenceOf(db, 'tp-c');
    expect(evidence.map((e) => [e.moment, e.capturedAt, e.sha256.slice(0, 2)])).toEqual([
      ['pick', pickedAt, 'ab'],
      ['save', clock.toISOString(), 'cd'],
    ]);
    expect(evidence.some((e) => 'sample' in e)).toBe(false);
    expect(saved.value.evidenceId).toBe(evidence[1]!.id);
  });

  it('keeps one capture and no flag when the element did not change', async () => {
    await pick('tp-s');
    later(2_000);
    const saved = await save('tp-s');
    expect(saved.value.changedAfterPick).toBeUndefined();
    expect(await db.touchpoints.get('tp-s')).not.toHaveProperty('changedAfterPick');
    const evidence = await listEvidenceOf(db, 'tp-s');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).not.toHaveProperty('moment');
    expect(asked).toHaveLength(2);
  });

  it('reuses the pick’s capture for a Save within the quota’s interval instead of waiting', async () => {
    await pick('tp-r');
    const pickedAt = clock.toISOString();
    later(200);
    const saved = await save('tp-r');
    expect(asked).toHaveLength(1);
    const evidence = await listEvidenceOf(db, 'tp-r');
    expect(evidence.map((e) => e.capturedAt)).toEqual([pickedAt]);
    expect(saved.value.evidenceId).toBe(evidence[0]!.id);
  });

  it('says the pick’s capture covered a silent frame whole, also to a reloaded tagger', async () => {
    coveredFrames = 1;
    const answer = await pick('tp-f');
    expect(answer).toMatchObject({ ok: true, value: { coveredFrames: 1 } });
    expect(await dispatch(msg('getDraft', {}), tab)).toMatchObject({
      ok: true,
      value: { touchpointId: 'tp-f', coveredFrames: 1 },
    });
    // A pick whose every frame answered says nothing of frames.
    coveredFrames = 0;
    later(2_000);
    const clean = (await pick('tp-g')) as { value: object };
    expect(clean.value).not.toHaveProperty('coveredFrames');
  });

  it('shoots again at Save rather than reuse a pick that covered a frame, even within the quota', async () => {
    coveredFrames = 1;
    await pick('tp-h');
    later(200);
    // The frame answers by now.
    coveredFrames = 0;
    const saved = await save('tp-h');
    expect(asked).toHaveLength(2);
    const evidence = await listEvidenceOf(db, 'tp-h');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.capturedAt).toBe(clock.toISOString());
    expect(saved.value.evidenceId).toBe(evidence[0]!.id);
  });

  it('does not call the element changed when the pick covered a frame that Save then showed', async () => {
    coveredFrames = 1;
    await pick('tp-k');
    later(2_000);
    coveredFrames = 0;
    // The frame's cover gone, the element's box looks different.
    colour = [220, 38, 38];
    const saved = await save('tp-k');
    expect(saved.value.changedAfterPick).toBeUndefined();
    const evidence = await listEvidenceOf(db, 'tp-k');
    expect(evidence.map((e) => e.sha256.slice(0, 2))).toEqual(['cd']);
  });

  it('answers the pick once the tab is shot; typing and Save wait for the pick to be kept', async () => {
    let done = () => undefined as void;
    processing = new Promise((resolve) => (done = resolve));
    const answer = await pick('tp-e');
    // The panel can open: the pixels are taken, the image is still being made.
    expect(answer).toMatchObject({
      ok: true,
      value: { redactions: [{ kind: 'email', count: 1 }] },
    });
    expect((await db.drafts.get('tab:7'))?.pickShot).toBeUndefined();
    const pickedAt = clock.toISOString();
    later(200);
    const typed = dispatch(
      msg('saveDraft', { form: { ...form, notes: 'slow queue' }, place, touchpointId: 'tp-e' }),
      tab,
    );
    const saving = save('tp-e', { ...form, notes: 'slow queue' });
    let settled = false;
    void saving.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    done();
    await typed;
    const saved = await saving;
    // One capture in all: Save took the pick's, kept after the shopper's typing was saved.
    expect(asked).toHaveLength(1);
    const evidence = await listEvidenceOf(db, 'tp-e');
    expect(evidence.map((e) => e.capturedAt)).toEqual([pickedAt]);
    expect(saved.value.evidenceId).toBe(evidence[0]!.id);
    expect(await db.touchpoints.get('tp-e')).toMatchObject({ notes: 'slow queue' });
  });

  it('reads a tab’s draft only after the writes sent before it (the page left as the shopper typed)', async () => {
    let done = () => undefined as void;
    processing = new Promise((resolve) => (done = resolve));
    await pick('tp-l');
    // The leaving page flushes what was typed; the page it left for asks for the draft at once.
    const typed = dispatch(
      msg('saveDraft', {
        form: { ...form, notes: 'typed as it left' },
        place,
        touchpointId: 'tp-l',
      }),
      tab,
    );
    const read = dispatch(msg('getDraft', {}), tab);
    done();
    await typed;
    expect(await read).toMatchObject({
      ok: true,
      value: { touchpointId: 'tp-l', form: { notes: 'typed as it left' } },
    });
    // Without a capture under way too.
    const again = dispatch(
      msg('saveDraft', { form: { ...form, notes: 'and more' }, place, touchpointId: 'tp-l' }),
      tab,
    );
    expect(await dispatch(msg('getDraft', {}), tab)).toMatchObject({
      value: { form: { notes: 'and more' } },
    });
    await again;
  });

  it('does not compare captures masked differently (the shopper unmasked the fields)', async () => {
    await pick('tp-m');
    later(2_000);
    colour = [220, 38, 38];
    const unmasked = { ...form, includeFieldValues: true };
    const saved = await save('tp-m', unmasked);
    expect(saved.value.changedAfterPick).toBeUndefined();
    expect(await listEvidenceOf(db, 'tp-m')).toHaveLength(1);
  });
});
