import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background';
import { toRedactions } from '@/lib/capture/redact';
import {
  AuditorDb,
  createBrand,
  createStudy,
  listEvidenceOf,
  seedDefaults,
  startAudit,
} from '@/lib/db';
import { createDispatcher, type SenderInfo } from '@/lib/messaging';
import type { SensitiveKind } from '@/lib/model';
import { dropDb } from '../db/test-db';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const now = new Date('2026-11-22T10:15:00.000Z');
const tab: SenderInfo = {
  id: EXT,
  url: 'http://northwind.localhost/confirmation.html',
  tab: { id: 7 },
  frameId: 0,
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
  pageTitle: 'Thank you',
  anchor: {
    css: '#summary',
    text: 'Order A12-3456',
    rect: { x: 0, y: 0, width: 10, height: 10 },
    framePath: [],
  },
};
const capture = {
  rect: { x: 10, y: 20, width: 100, height: 40 },
  viewport: { width: 1280, height: 800 },
};

let db: AuditorDb;
let clock: Date;
/** The options of every capture taken. */
let asked: { maskFields: boolean; uncovered: readonly SensitiveKind[] }[];
let dispatch: ReturnType<typeof createDispatcher>;

beforeEach(async () => {
  db = new AuditorDb(`redact-${crypto.randomUUID()}`);
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
  clock = now;
  const handlers = createHandlers({
    db,
    now: () => clock,
    version: '0.1.0',
    // The top frame covers an e-mail address and a card number, a chat frame two e-mail addresses.
    capture: async (_req, _sender, opts) => {
      asked.push(opts);
      const frames = [
        [
          { kind: 'email' as const, count: 1 },
          { kind: 'card' as const, count: 1 },
        ],
        [{ kind: 'email' as const, count: 2 }],
      ];
      const redactions = toRedactions(frames, opts.uncovered);
      return {
        blob: new Blob([new Uint8Array([asked.length])], { type: 'image/jpeg' }),
        mime: 'image/jpeg',
        width: 40,
        height: 20,
        sha256: String(asked.length).repeat(64),
        ...(redactions && { redactions }),
      };
    },
  });
  dispatch = createDispatcher(handlers, { extensionId: EXT, log: () => undefined });
});
afterEach(() => dropDb(db));

const later = (ms: number) => (clock = new Date(now.getTime() + ms));

describe('what a screenshot covered', () => {
  it('is answered to the pick and stored with the touchpoint that reuses its capture', async () => {
    const picked = await dispatch(
      msg('saveDraft', { form, place, touchpointId: 'tp-1', pickCapture: capture }),
      tab,
    );
    const covered = [
      { kind: 'email', count: 3 },
      { kind: 'card', count: 1 },
    ];
    expect(picked).toEqual({
      ok: true,
      value: { savedAt: now.toISOString(), redactions: covered },
    });
    // A reload brings the list back with the draft.
    expect(await dispatch(msg('getDraft', {}), tab)).toMatchObject({
      ok: true,
      value: { touchpointId: 'tp-1', redactions: covered },
    });

    later(100);
    const saved = await dispatch(msg('saveTouchpoint', { id: 'tp-1', form, place, capture }), tab);
    expect(saved).toMatchObject({ ok: true, value: { redactions: covered } });
    expect(asked).toHaveLength(1);
    expect((await db.touchpoints.get('tp-1'))?.redactions).toEqual(covered);
  });

  it('leaves uncovered kinds visible at Save, marks them, and keeps the form field out of the record', async () => {
    await dispatch(
      msg('saveDraft', { form, place, touchpointId: 'tp-2', pickCapture: capture }),
      tab,
    );
    const chosen = { ...form, uncovered: ['email'] };
    await dispatch(msg('saveDraft', { form: chosen, place, touchpointId: 'tp-2' }), tab);
    expect(await dispatch(msg('getDraft', {}), tab)).toMatchObject({
      ok: true,
      value: { form: { uncovered: ['email'] } },
    });

    // Within the quota's interval, but the pick covered the e-mail addresses: shot again.
    later(100);
    await dispatch(msg('saveTouchpoint', { id: 'tp-2', form: chosen, place, capture }), tab);
    expect(asked.map((a) => a.uncovered)).toEqual([[], ['email']]);
    const tp = await db.touchpoints.get('tp-2');
    expect(tp?.redactions).toEqual([
      { kind: 'email', count: 3, uncovered: true },
      { kind: 'card', count: 1 },
    ]);
    expect(tp).not.toHaveProperty('uncovered');
    const [evidence] = await listEvidenceOf(db, 'tp-2');
    expect(evidence?.sha256).toBe('2'.repeat(64));
  });

  it('is stored when a screenshot is retaken', async () => {
    await dispatch(msg('saveTouchpoint', { id: 'tp-3', form, place }), tab);
    expect((await db.touchpoints.get('tp-3'))?.redactions).toBeUndefined();
    const answer = await dispatch(
      msg('retakeEvidence', { id: 'tp-3', capture, includeFieldValues: true, uncovered: ['card'] }),
      tab,
    );
    const covered = [
      { kind: 'email', count: 3 },
      { kind: 'card', count: 1, uncovered: true },
    ];
    expect(answer).toMatchObject({ ok: true, value: { redactions: covered } });
    expect(asked).toEqual([{ maskFields: false, uncovered: ['card'] }]);
    expect((await db.touchpoints.get('tp-3'))?.redactions).toEqual(covered);
  });
});
