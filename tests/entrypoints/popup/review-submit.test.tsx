import { runningAudit } from '../../lib/db/test-db';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewSubmit } from '../../../entrypoints/popup/ReviewSubmit';
import { createTouchpoint, getDb, seedDefaults } from '../../../lib/db';

afterEach(cleanup);

const now = new Date('2026-11-22T10:00:00.000Z');

describe('ReviewSubmit', () => {
  it('lists what to fix, naming the touchpoint, and submits anyway only with a reason', async () => {
    const db = getDb();
    await seedDefaults(db, now);
    const { audit } = await runningAudit(db, now);
    await createTouchpoint(
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
