import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../lib/model';
import { checkBeforeSubmit, moveReview, isEditable } from '../../../lib/review';
import { audit, criticalRubric, touchpoint } from '../export/fixtures';

const rubric: Rubric = criticalRubric; // 0–10: `safety` critical, `speed` not; both apply to all.
const scored = { safety: 7, speed: 6 };
const AT = '2026-11-22T12:00:00.000Z';

describe('checks before submit', () => {
  it('passes a complete audit', () => {
    const items = [
      { touchpoint: touchpoint('t1', 'a', AT, { scores: scored }), hasEvidence: true },
      {
        touchpoint: touchpoint('t2', 'a', AT, { scores: scored, source: 'manual', anchor: null }),
        hasEvidence: false,
      },
    ];
    expect(checkBeforeSubmit(items, rubric)).toEqual([]);
  });

  it('names each touchpoint and what to fix', () => {
    const items = [
      // A knock-out without a note.
      {
        touchpoint: touchpoint('t1', 'a', AT, { scores: { safety: 0, speed: 5 } }),
        hasEvidence: true,
      },
      // The lowest score without a note, no screenshot.
      {
        touchpoint: touchpoint('t2', 'a', AT, {
          scores: { safety: 5, speed: 0 },
          anchor: { css: '#x', text: '', rect: { x: 0, y: 0, width: 1, height: 1 }, framePath: [] },
        }),
        hasEvidence: false,
      },
      // A criterion left unscored; same page and anchor as t1.
      { touchpoint: touchpoint('t3', 'a', AT, { scores: { safety: 'NA' } }), hasEvidence: true },
      // Deleted: never checked.
      { touchpoint: touchpoint('t4', 'a', AT, { deleted: true }), hasEvidence: false },
    ];
    expect(checkBeforeSubmit(items, rubric)).toEqual([
      { code: 'review.knockout-without-note', params: { label: 'live_chat' }, path: 't1' },
      { code: 'review.lowest-without-note', params: { label: 'live_chat' }, path: 't2' },
      { code: 'review.no-screenshot', params: { label: 'live_chat' }, path: 't2' },
      { code: 'review.unscored', params: { label: 'live_chat', criterion: 'Speed' }, path: 't3' },
      { code: 'review.duplicate-anchor', params: { label: 'live_chat', other: 't1' }, path: 't3' },
    ]);
  });

  it('accepts a low score once the shopper wrote why', () => {
    const tp = touchpoint('t1', 'a', AT, {
      scores: { safety: 0, speed: 0 },
      notes: 'Fee hidden until payment',
    });
    expect(checkBeforeSubmit([{ touchpoint: tp, hasEvidence: true }], rubric)).toEqual([]);
  });
});

describe('review states', () => {
  const running = audit('a', 'b-own', AT);

  it('goes in_progress → submitted → returned → submitted → approved, recording who and when', () => {
    const steps: [Parameters<typeof moveReview>[1], string, string][] = [
      ['submit', 'Ana', 'submitted'],
      ['return', 'Lead', 'returned'],
      ['submit', 'Ana', 'submitted'],
      ['approve', 'Lead', 'approved'],
      ['reopen', 'Lead', 'submitted'],
    ];
    let current = running;
    steps.forEach(([action, by, state], i) => {
      const at = `2026-11-22T12:0${i}:00.000Z`;
      const moved = moveReview(current, action, by, at);
      expect(moved).toMatchObject({
        ok: true,
        value: { review: state, reviewedBy: by, reviewedAt: at },
      });
      if (moved.ok) current = moved.value;
    });
    expect(current.endedAt).toBe('2026-11-22T12:00:00.000Z');
  });

  it('refuses what does not apply, and keeps an approved audit read-only', () => {
    expect(moveReview(running, 'approve', 'Lead', AT)).toEqual({
      ok: false,
      error: { code: 'review.not-allowed', params: { action: 'approve', state: 'in_progress' } },
    });
    const approved = { ...running, review: 'approved' as const };
    expect(moveReview(approved, 'submit', 'Ana', AT).ok).toBe(false);
    expect(isEditable(approved)).toBe(false);
    expect(isEditable(running)).toBe(true);
  });
});
