import { runningAudit } from '../../lib/db/test-db';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReauditLeftovers, ReauditList } from '../../../entrypoints/popup/ReauditList';
import {
  createTouchpoint,
  endActiveAudit,
  getDb,
  openNextWave,
  startAudit,
  type NewTouchpoint,
} from '../../../lib/db';
import type { Audit } from '../../../lib/model';

const now = new Date('2026-11-22T10:00:00.000Z');
let audit: Audit;
let ids: string[];

const page = (auditId: string, notes: string, extra: Partial<NewTouchpoint> = {}) => ({
  auditId,
  category: 'cart',
  stage: 'purchase' as const,
  channel: 'web' as const,
  source: 'page' as const,
  url: `https://shop.test/${notes}?x=1`,
  pageTitle: notes,
  anchor: null,
  scores: {},
  notes,
  ...extra,
});

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  const { study, audit: w1 } = await runningAudit(db, now, { shopper: 'A' });
  ids = [
    (await createTouchpoint(db, page(w1.id, 'cart-page'), now)).id,
    (
      await createTouchpoint(
        db,
        page(w1.id, 'checkout', { category: 'payment' }),
        new Date(now.getTime() + 1),
      )
    ).id,
  ];
  await endActiveAudit(db, now);
  await openNextWave(db, study.id, 'W2', now);
  audit = await startAudit(
    db,
    { studyId: study.id, brandId: 'b', shopper: 'A', scenario: '' },
    now,
  );
  await createTouchpoint(db, page(audit.id, 'again', { previousId: ids[0] }), now);
});
afterEach(cleanup);

describe('the popup re-audit checklist', () => {
  it('lists the previous wave with each row named, placed and marked, and offers Visit again', async () => {
    const onVisit = vi.fn();
    render(<ReauditList audit={audit} onVisit={onVisit} />);
    const list = await screen.findByTestId('reaudit-list');
    expect(list.getAttribute('aria-labelledby')).toBe('reaudit-title');
    expect(screen.getByTestId('reaudit-summary').textContent).toBe(
      '1 of 2 touchpoints from W1 not re-audited yet.',
    );
    const rows = screen.getAllByTestId('reaudit-item');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['done', 'todo']);
    const second = within(rows[1]!);
    expect(rows[1]!.textContent).toContain('Payment');
    expect(rows[1]!.textContent).toContain('shop.test/checkout');
    expect(second.getByTestId('reaudit-state').textContent).toBe('not yet');
    const visit = second.getByRole('button', {
      name: 'Visit again: Payment on shop.test/checkout',
    });
    fireEvent.click(visit);
    expect(onVisit).toHaveBeenCalledWith(ids[1]);
  });

  it('shows nothing in a first wave', async () => {
    const first = { ...audit, wave: 'W1' };
    const { container } = render(<ReauditList audit={first} onVisit={() => {}} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });

  it('lists what the ended audit did not re-audit, without Visit again', async () => {
    await endActiveAudit(getDb(), now);
    render(<ReauditLeftovers />);
    expect((await screen.findByTestId('reaudit-leftover-count')).textContent).toBe(
      'Last audit · not re-audited: 1',
    );
    const [row] = screen.getAllByTestId('reaudit-item');
    expect(row!.getAttribute('data-id')).toBe(ids[1]);
    expect(within(row!).getByTestId('reaudit-state').textContent).toBe('not re-audited');
    expect(screen.queryByTestId('reaudit-visit')).toBeNull();
  });
});
