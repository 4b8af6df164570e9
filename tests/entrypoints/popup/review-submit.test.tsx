import { runningAudit } from '../../lib/db/test-db';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewSubmit } from '../../../entrypoints/popup/ReviewSubmit';
import {
  createTouchpoint,
  getDb,
  getSetting,
  pinnedRubric,
  seedDefaults,
  type AuditorDb,
} from '../../../lib/db';
import type { Audit } from '../../../lib/model';

afterEach(cleanup);

const now = new Date('2026-11-22T10:00:00.000Z');

/** A phone call noted with one score of 1 and no note: the checks refuse it. */
const addPoorCall = (db: AuditorDb, audit: Audit) =>
  createTouchpoint(
    db,
    {
      auditId: audit.id,
      category: 'cart',
      stage: 'purchase',
      channel: 'phone',
      source: 'manual',
      url: null,
      pageTitle: 'Basket',
      anchor: null,
      scores: { speed: 1 },
      notes: '',
    },
    now,
  );

describe('ReviewSubmit', () => {
  it('lists what to fix, naming the touchpoint, and submits anyway only with a reason', async () => {
    const db = getDb();
    await seedDefaults(db, now);
    const { audit } = await runningAudit(db, now);
    await addPoorCall(db, audit);
    render(<ReviewSubmit audit={audit} />);
    expect(screen.getByTestId('review-state').textContent).toBe('Review: in progress');

    fireEvent.click(screen.getByTestId('review-submit'));
    await waitFor(() => expect(screen.getAllByTestId('review-problem').length).toBeGreaterThan(0));
    const texts = screen.getAllByTestId('review-problem').map((li) => li.textContent);
    expect(texts[0]).toMatch(/^Cart “Basket”: ".+" is not scored; score it or mark it N\/A$/);
    expect(texts).toContain('Cart “Basket”: the lowest score is given without a note; say why');

    fireEvent.click(screen.getByTestId('review-submit-anyway'));
    expect(screen.getByTestId('review-reason-error').textContent).toBe(
      'Say why the audit is handed in as it is.',
    );
    expect((await db.audits.get(audit.id))?.review).toBe('in_progress');

    fireEvent.input(screen.getByTestId('review-reason'), {
      target: { value: 'Phone line dropped' },
    });
    fireEvent.click(screen.getByTestId('review-submit-anyway'));
    await waitFor(async () =>
      expect(await db.audits.get(audit.id)).toMatchObject({
        review: 'submitted',
        submitNote: 'Phone line dropped',
      }),
    );
  });
});

describe('a refused hand-in survives the popup closing', () => {
  it('brings back the list and the reason typed, and forgets them once handed in', async () => {
    const db = getDb();
    await seedDefaults(db, now);
    const { audit } = await runningAudit(db, now);
    await addPoorCall(db, audit);
    render(<ReviewSubmit audit={audit} />);
    fireEvent.click(screen.getByTestId('review-submit'));
    await screen.findByTestId('review-reason');
    fireEvent.input(screen.getByTestId('review-reason'), { target: { value: 'Line dropped' } });
    await waitFor(async () =>
      expect(await getSetting(db, 'submitDraft')).toEqual({
        auditId: audit.id,
        reason: 'Line dropped',
      }),
    );
    cleanup(); // the shopper clicks into the page: the popup closes

    render(<ReviewSubmit audit={audit} />);
    await waitFor(() => expect(screen.getAllByTestId('review-problem').length).toBeGreaterThan(0));
    expect(screen.getByTestId<HTMLTextAreaElement>('review-reason').value).toBe('Line dropped');
    fireEvent.click(screen.getByTestId('review-submit-anyway'));
    await waitFor(async () =>
      expect(await db.audits.get(audit.id)).toMatchObject({
        review: 'submitted',
        submitNote: 'Line dropped',
      }),
    );
    await waitFor(async () => expect(await getSetting(db, 'submitDraft')).toBeNull());
  });

  it('shows nothing to fix once the shopper fixed it between two openings', async () => {
    const db = getDb();
    await seedDefaults(db, now);
    const { audit, study } = await runningAudit(db, now);
    const call = await addPoorCall(db, audit);
    render(<ReviewSubmit audit={audit} />);
    fireEvent.click(screen.getByTestId('review-submit'));
    await screen.findByTestId('review-problems');
    await waitFor(async () => expect(await getSetting(db, 'submitDraft')).not.toBeNull());
    cleanup();

    const rubric = await pinnedRubric(db, study);
    const scores = Object.fromEntries(rubric!.criteria.map((c) => [c.id, 4]));
    await db.touchpoints.update(call.id, { scores });
    render(<ReviewSubmit audit={audit} />);
    await waitFor(async () => expect(await getSetting(db, 'submitDraft')).toBeNull());
    expect(screen.queryByTestId('review-problems')).toBeNull();
    expect((await db.audits.get(audit.id))?.review).toBe('in_progress');
  });
});
