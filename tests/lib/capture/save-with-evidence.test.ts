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
let sentToTab: { tabId: number; message: unknown; frameId?: number }[];
let dispatch: ReturnType<typeof createDispatcher>;

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
  sentToTab = [];
  const handlers = createHandlers({
    db,
    now: () => now,
    version: '0.1.0',
    capture: async (req) => {
      asked.push(req);
      return {
        blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
        mime: 'image/jpeg',
        width: 40,
        height: 20,
        sha256: 'ab'.repeat(32),
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
    const answer = (await dispatch(msg('saveTouchpoint', { form, place, capture }), tab)) as {
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
    const answer = await dispatch(msg('saveTouchpoint', { form, place }), tab);
    expect(answer).toMatchObject({ ok: true, value: { evidenceId: null } });
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
