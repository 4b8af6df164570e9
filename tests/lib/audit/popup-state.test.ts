// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepManualDraft, loadActiveAuditView } from '../../../lib/audit';
import { AuditorDb, saveDraft, startAudit, type Draft } from '../../../lib/db';
import { dropDb } from '../db/test-db';

let db: AuditorDb;
const t0 = new Date('2026-11-22T10:00:00.000Z');

beforeEach(() => {
  db = new AuditorDb(`popup-${crypto.randomUUID()}`);
});
afterEach(() => dropDb(db));

/** A tagger draft: a pick made in tab `tab` on `url` for `auditId`. */
const tabDraft = (tab: number, auditId: string, url: string | null, title: string): Draft => ({
  tabKey: `tab:${tab}`,
  auditId,
  category: 'cart',
  stage: 'purchase',
  channel: 'web',
  scores: {},
  notes: '',
  includeFieldValues: false,
  url,
  pageTitle: title,
  anchor: null,
  updatedAt: new Date(t0.getTime() + tab * 1_000).toISOString(),
});

describe('the running audit as the popup shows it', () => {
  it('lists the tags picked in tabs for this audit and not saved, oldest first', async () => {
    const audit = await startAudit(
      db,
      { studyId: 's', brandId: 'b', shopper: 'Ana', scenario: '' },
      t0,
    );
    await saveDraft(db, tabDraft(2, audit.id, 'http://shop.localhost/cart', 'Cart'));
    await saveDraft(db, tabDraft(1, audit.id, 'http://shop.localhost/pay', 'Payment'));
    // Not this audit's, no pick yet, and the popup's own form: none of them counts.
    await saveDraft(db, tabDraft(3, 'an-older-audit', 'http://shop.localhost/', 'Home'));
    await saveDraft(db, tabDraft(4, audit.id, null, ''));
    await keepManualDraft(
      db,
      { category: 'cart', stage: 'purchase', channel: 'phone', scores: {}, notes: 'call' },
      t0,
    );
    const view = await loadActiveAuditView(db);
    expect(view?.unsaved).toEqual([
      { pageTitle: 'Payment', url: 'http://shop.localhost/pay' },
      { pageTitle: 'Cart', url: 'http://shop.localhost/cart' },
    ]);
  });
});
