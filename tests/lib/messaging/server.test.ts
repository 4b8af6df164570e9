import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background';
import { AuditorDb, seedDefaults, startAudit } from '../../../lib/db';
import { brandForHost } from '../../../lib/studies/hosts';
import { createDispatcher, type SenderInfo } from '../../../lib/messaging';
import { dropDb } from '../db/test-db';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const now = new Date('2026-11-22T10:15:00.000Z');
let db: AuditorDb;
let logged: string[];
let dispatch: ReturnType<typeof createDispatcher>;

const tab: SenderInfo = {
  id: EXT,
  url: 'http://contoso.localhost/checkout.html',
  tab: { id: 7 },
  frameId: 0,
};
const msg = (type: string, payload: unknown) => ({ channel: 'touchpoint-auditor', type, payload });
const form = {
  category: 'checkout_step',
  stage: 'purchase',
  channel: 'web',
  scores: { speed: 2, clarity: 'NA' },
  notes: 'Service fee appears only here',
  includeFieldValues: false,
};
const place = { url: tab.url!, pageTitle: 'Checkout', anchor: null };

beforeEach(async () => {
  db = new AuditorDb(`msg-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
  logged = [];
  dispatch = createDispatcher(createHandlers({ db, now: () => now, version: '0.1.0' }), {
    extensionId: EXT,
    log: (r) => logged.push(r),
  });
});
afterEach(() => dropDb(db));

describe('the background dispatcher', () => {
  it.each([
    ['another extension', { id: 'zzzz' }, msg('ping', {}), 'forbidden-sender'],
    ['a sender with no id', {}, msg('ping', {}), 'forbidden-sender'],
    ['an unknown message type', tab, msg('dropDatabase', {}), 'invalid-message'],
    ['a foreign envelope', tab, { type: 'ping', payload: {} }, 'invalid-message'],
    ['extra fields', tab, msg('ping', { evil: 1 }), 'invalid-message'],
    [
      'a score that is not an integer',
      tab,
      msg('saveTouchpoint', { id: 'tp-1', form: { ...form, scores: { speed: 2.5 } }, place }),
      'invalid-message',
    ],
    [
      'an unknown stage',
      tab,
      msg('saveDraft', { form: { ...form, stage: 'nope' }, place }),
      'invalid-message',
    ],
  ])('refuses %s, logging why', async (_name, sender, message, code) => {
    const answer = await dispatch(message, sender as SenderInfo);
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(logged).toHaveLength(1);
  });

  it('answers a ping from its own content script', async () => {
    expect(await dispatch(msg('ping', {}), tab)).toEqual({
      ok: true,
      value: { version: '0.1.0', rubrics: 1 },
    });
  });

  it('says no audit is running instead of throwing when a shopper saves too early', async () => {
    expect(await dispatch(msg('saveTouchpoint', { id: 'tp-1', form, place }), tab)).toMatchObject({
      ok: false,
      error: { code: 'no-active-audit' },
    });
    expect(await db.touchpoints.count()).toBe(0);
  });

  it('keeps a draft per tab until the touchpoint is saved', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b', shopper: 'Ana', scenario: 'x' }, now);
    await dispatch(msg('saveDraft', { form, place }), tab);
    const otherTab = { ...tab, tab: { id: 8 } };
    expect(await dispatch(msg('getDraft', {}), otherTab)).toEqual({ ok: true, value: null });
    expect(await dispatch(msg('getDraft', {}), tab)).toEqual({ ok: true, value: { form, place } });

    const saved = await dispatch(msg('saveTouchpoint', { id: 'tp-1', form, place }), tab);
    expect(saved.ok).toBe(true);
    const [tp] = await db.touchpoints.toArray();
    expect(tp).toMatchObject({
      category: 'checkout_step',
      scores: { speed: 2, clarity: 'NA' },
      source: 'page',
      notes: form.notes,
    });
    expect(await dispatch(msg('getDraft', {}), tab)).toEqual({ ok: true, value: null });
  });

  it('tells the tagger which brand a host belongs to', async () => {
    const at = now.toISOString();
    await db.brands.bulkAdd([
      {
        id: 'nw',
        name: 'Northwind',
        role: 'own',
        domains: ['northwind.localhost'],
        createdAt: at,
        updatedAt: at,
      },
      {
        id: 'co',
        name: 'Contoso',
        role: 'competitor',
        domains: ['contoso.localhost'],
        createdAt: at,
        updatedAt: at,
      },
    ]);
    await db.studies.add({
      id: 's',
      name: 'Q4',
      wave: '2026-Q4',
      waves: ['2026-Q4'],
      requireReview: false,
      rubricId: 'default',
      rubricVersion: 1,
      brandIds: ['nw', 'co'],
      createdAt: at,
      updatedAt: at,
    });
    await startAudit(db, { studyId: 's', brandId: 'nw', shopper: 'Ana', scenario: 'x' }, now);
    const answer = await dispatch(
      msg('getTaggerContext', { url: 'http://shop.contoso.localhost/cart' }),
      tab,
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { brand: { id: 'nw' }, hostBrand: { id: 'co' }, rubric: { id: 'default' } },
    });
  });
});

describe('brandForHost', () => {
  const at = now.toISOString();
  const brands = [
    {
      id: 'x',
      name: 'X',
      role: 'own' as const,
      domains: ['example.com'],
      createdAt: at,
      updatedAt: at,
    },
  ];
  it.each([
    ['example.com', 'x'],
    ['www.example.com', 'x'],
    ['shop.eu.example.com.', 'x'],
    ['badexample.com', undefined],
    ['example.com.evil.net', undefined],
  ])('%s → %s', (host, id) => {
    expect(brandForHost(brands, host)?.id).toBe(id);
  });
});

describe('a full disk', () => {
  it('answers a save that meets QuotaExceededError with storage-full, said in words', async () => {
    const full = createDispatcher(
      {
        ...createHandlers({ db, now: () => now, version: '0.1.0' }),
        saveTouchpoint: () => {
          // As Dexie reports it: its own error wrapping the browser's.
          const inner = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          throw Object.assign(new Error('AbortError'), { name: 'AbortError', inner });
        },
      },
      { extensionId: EXT, log: (r) => logged.push(r) },
    );
    const answer = await full(msg('saveTouchpoint', { id: crypto.randomUUID(), form, place }), tab);
    expect(answer).toEqual({ ok: false, error: { code: 'storage-full' } });
    const { describeProblem } = await import('../../../lib/i18n');
    expect(describeProblem({ code: 'storage-full' })).toMatch(
      /disk is full.*what you typed is kept/,
    );
  });

  /** A dispatcher whose save fails as Chromium's does on a really full disk. */
  const failingSave = (error: Error) =>
    createDispatcher(
      {
        ...createHandlers({ db, now: () => now, version: '0.1.0' }),
        saveTouchpoint: () => {
          throw error;
        },
      },
      { extensionId: EXT, log: (r) => logged.push(r) },
    );
  /** As Dexie reports an IndexedDB error: its own error wrapping the browser's. */
  const idbError = (name: string, message: string) => {
    const inner = new DOMException(message, name);
    return Object.assign(new Error(message), { name, inner });
  };
  const unknown = () => idbError('UnknownError', 'Unknown error');
  /** Chromium aborted the transaction for the disk; the save's next write met it finished. */
  const finished = () =>
    idbError(
      'InvalidStateError',
      "Failed to execute 'objectStore' on 'IDBTransaction': The transaction has finished.",
    );
  /**
   * The answer to a save that throws `error` while `navigator.storage.estimate()` answers
   * `quota` and `usage` (the unit tests' environment has no estimate of its own).
   */
  async function saveFailing(error: Error, quota: number, usage: number) {
    const storage = { estimate: () => Promise.resolve({ quota, usage }) };
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { storage }));
    try {
      return await failingSave(error)(
        msg('saveTouchpoint', { id: crypto.randomUUID(), form, place }),
        tab,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  }
  const noRoom = [548_700, 548_700] as const;
  const room = [50e9, 1e6] as const;

  // A full disk is said as one; with room left the same errors are a fault of ours, said as one.
  // The finished transaction: Chromium aborted it for the disk between two of the save's
  // writes, and the next write met it finished before the abort's own error was heard.
  it.each([
    ['a bare UnknownError', unknown, noRoom, 'storage-full'],
    ['a transaction the disk ended', finished, noRoom, 'storage-full'],
    ['a bare UnknownError', unknown, room, 'internal'],
    ['a transaction the disk ended', finished, room, 'internal'],
  ] as const)('answers %s with estimate %j: %s', async (_what, error, [quota, usage], code) => {
    const answer = await saveFailing(error(), quota, usage);
    expect(answer).toMatchObject({ ok: false, error: { code } });
  });
});
