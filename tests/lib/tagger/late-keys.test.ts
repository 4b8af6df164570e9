import { describe, expect, it } from 'vitest';
import { createLateKeys } from '@/lib/tagger/late-keys';

/** A text field as the panel's: a value and a caret, typed into at given times. */
function field() {
  const late = createLateKeys();
  const self = { value: '', caret: 0 };
  return {
    late,
    get value() {
      return self.value;
    },
    /** A key the panel got straight from the browser. */
    type(char: string, at: number) {
      late.typed(self, at, self.caret, char);
      self.value = self.value.slice(0, self.caret) + char + self.value.slice(self.caret);
      self.caret += 1;
    },
    /** A key the page caught, handed to the panel now. */
    handOver(char: string, at: number) {
      const pos = late.place(self, self.value, self.caret, at, char);
      self.value = self.value.slice(0, pos) + char + self.value.slice(pos);
      if (pos <= self.caret) self.caret += 1;
    },
    moveCaret(to: number) {
      late.forget();
      self.caret = to;
    },
  };
}

describe('a key the page caught, handed to the panel late', () => {
  it('goes before the keys typed after it ("card", not "crad")', () => {
    const f = field();
    f.type('c', 1000);
    f.type('r', 1060); // typed after the caught 'a', it reached the panel first
    f.handOver('a', 1030);
    f.type('d', 1090);
    expect(f.value).toBe('card');
  });

  it('keeps two caught keys in the order they were typed among the others', () => {
    const f = field();
    f.type('s', 0);
    f.type('w', 90);
    f.handOver('l', 30);
    f.handOver('o', 60);
    expect(f.value).toBe('slow');
  });

  it('goes at the caret when it came in order', () => {
    const f = field();
    f.type('o', 0);
    f.handOver('k', 30);
    expect(f.value).toBe('ok');
  });

  it('goes at the caret once the caret moved (the positions noted may not hold)', () => {
    const f = field();
    f.type('a', 0);
    f.type('b', 60);
    f.moveCaret(0);
    f.handOver('x', 30);
    expect(f.value).toBe('xab');
  });

  it('goes at the caret when a later key is no longer where it went', () => {
    const late = createLateKeys();
    const el = {};
    late.typed(el, 0, 0, 'a');
    late.typed(el, 60, 1, 'b');
    // The field was emptied and retyped by other means meanwhile.
    expect(late.place(el, 'zz', 2, 30, 'x')).toBe(2);
  });

  it('keeps each field apart', () => {
    const late = createLateKeys();
    const notes = {};
    const other = {};
    late.typed(notes, 60, 0, 'r');
    expect(late.place(other, '', 0, 30, 'a')).toBe(0);
  });
});
