import { runningAudit } from '../../lib/db/test-db';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewAudit } from '../../../entrypoints/touchpoints/ReviewAudit';
import { ReviewQueue } from '../../../entrypoints/touchpoints/ReviewQueue';
import {
  createTouchpoint,
  getDb,
  getSetting,
  reviewAudit,
  seedDefaults,
  setSetting,
} from '../../../lib/db';
import type { Audit } from '../../../lib/model';
import { makeDefaultRubric } from '../../../lib/rubric';

afterEach(cleanup);

const now = new Date('2026-11-22T10:00:00.000Z');
const rubric = makeDefaultRubric(now.toISOString());

/**
 * A submitted audit of two manual touchpoints, in the page's (fake) database; the queue shows
 * them in the touchpoints view's order (by category), here also the order they were made in.
 */
async function submittedAudit(shopper = 'Ana'): Promise<Audit> {
  const db = getDb();
  await seedDefaults(db, now);
  const { audit } = await runningAudit(db, now, { scenario: 'Call', shopper });
  for (const [minute, category, notes] of [
    [1, 'cart', 'First call'],
    [2, 'customer_support', 'Second call'],
  ] as const) {
    await createTouchpoint(
      db,
      {
        auditId: audit.id,
        category,
        stage: 'post_purchase',
        channel: 'phone',
        source: 'manual',
        url: null,
        pageTitle: null,
        anchor: null,
        scores: { speed: 3 },
        notes,
      },
      new Date(now.getTime() + minute * 60_000),
    );
  }
  const moved = await reviewAudit(db, audit.id, 'submit', shopper, now);
  if (!moved.ok) throw new Error('not submitted');
  return moved.value;
}

const key = (k: string, target: Element = document.body) =>
  fireEvent.keyDown(target, { key: k, bubbles: true });

describe('ReviewAudit', () => {
  it('moves with j/k, comments with c and Enter, keeps reusable comments, approves with a', async () => {
    const audit = await submittedAudit();
    render(<ReviewAudit audit={audit} brand={undefined} rubric={rubric} reviewer="Lea" />);
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('First call'));
    key('j');
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('Second call'));
    key('ArrowUp');
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('First call'));

    key('c');
    const box = screen.getByTestId('review-comment') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Say which branch you called' } });
    // Keys typed in the box are text, never a decision.
    key('a', box);
    fireEvent.click(screen.getByTestId('review-library-save'));
    await waitFor(async () =>
      expect(await getSetting(getDb(), 'commentLibrary')).toEqual(['Say which branch you called']),
    );
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByTestId('review-comment-item')).toHaveLength(1));
    expect(screen.getByTestId('review-comment-item').textContent).toContain(
      'Say which branch you called',
    );
    expect(box.value).toBe('');
    expect((await getDb().audits.get(audit.id))?.review).toBe('submitted');

    fireEvent.click(await screen.findByTestId('review-library-insert'));
    expect(box.value).toBe('Say which branch you called');

    key('a');
    await waitFor(async () =>
      expect(await getDb().audits.get(audit.id)).toMatchObject({
        review: 'approved',
        reviewedBy: 'Lea',
      }),
    );
  });

  it('keeps a comment not yet added when the lead moves to another touchpoint and back', async () => {
    const audit = await submittedAudit();
    render(<ReviewAudit audit={audit} brand={undefined} rubric={rubric} reviewer="Lea" />);
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('First call'));
    fireEvent.input(screen.getByTestId('review-comment'), {
      target: { value: 'Which number did you dial' },
    });
    fireEvent.click(screen.getByTestId('review-next'));
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('Second call'));
    // The other touchpoint's box is its own.
    expect((screen.getByTestId('review-comment') as HTMLTextAreaElement).value).toBe('');
    key('k');
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('First call'));
    expect((screen.getByTestId('review-comment') as HTMLTextAreaElement).value).toBe(
      'Which number did you dial',
    );
  });
});

describe('ReviewQueue', () => {
  it('keeps a comment not yet added, and the touchpoint it was on, while the lead opens another audit', async () => {
    const first = await submittedAudit('Ana');
    const second = await submittedAudit('Bo');
    await setSetting(getDb(), 'reviewerName', 'Lea');
    render(<ReviewQueue audits={[first, second]} brands={[]} rubric={rubric} />);
    const open = async (audit: Audit) => {
      const item = (await screen.findAllByTestId('review-queue-item')).find(
        (b) => b.dataset.id === audit.id,
      );
      fireEvent.click(item!);
      await waitFor(() =>
        expect(screen.getByTestId('review-audit').textContent).toContain(audit.shopper),
      );
    };
    await open(first);
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('First call'));
    key('j');
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('Second call'));
    fireEvent.input(screen.getByTestId('review-comment'), {
      target: { value: 'Which number did you dial' },
    });

    await open(second);
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('First call'));
    expect(screen.getByTestId<HTMLTextAreaElement>('review-comment').value).toBe('');

    await open(first);
    await waitFor(() => expect(screen.getByTestId('review-notes').textContent).toBe('Second call'));
    expect(screen.getByTestId<HTMLTextAreaElement>('review-comment').value).toBe(
      'Which number did you dial',
    );
  });
});
