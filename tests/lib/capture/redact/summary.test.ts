import { describe, expect, it } from 'vitest';
import { toRedactions } from '@/lib/capture/redact';

describe('toRedactions', () => {
  it('adds up the frames’ counts per kind, in the panel’s order, marking what was uncovered', () => {
    const top = [
      { kind: 'order' as const, count: 1 },
      { kind: 'email' as const, count: 1 },
    ];
    const paymentFrame = [
      { kind: 'card' as const, count: 1 },
      { kind: 'email' as const, count: 2 },
    ];
    expect(toRedactions([top, paymentFrame], ['order'])).toEqual([
      { kind: 'email', count: 3 },
      { kind: 'card', count: 1 },
      { kind: 'order', count: 1, uncovered: true },
    ]);
  });

  it('records nothing when nothing was found, even with kinds uncovered', () => {
    expect(toRedactions([[], []], ['phone'])).toBeUndefined();
    expect(toRedactions([[{ kind: 'iban', count: 0 }]])).toBeUndefined();
  });
});
