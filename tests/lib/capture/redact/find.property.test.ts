import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitive, luhnValid } from '@/lib/capture/redact';

const numRuns = 300;

/** Text with no digits, `+` or `@` in it: words, spaces and punctuation in several scripts. */
const arbWords = fc
  .array(
    fc.constantFrom(
      ...'abcxyzABCXYZ āēūšžđơạưếЗаказномер ,.;:!?-()#№\n\u00a0€₫'.split(''),
      ' order ',
      ' Заказ ',
      ' pasūtījums ',
      ' tel. ',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** The digits of a Luhn-valid number of 13–19 digits. */
const arbCardDigits = fc
  .integer({ min: 13, max: 19 })
  .chain((length) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }),
  )
  .map((body) => {
    const head = body.join('');
    const check = [...'0123456789'].find((d) => luhnValid(head + d))!;
    return head + check;
  });

/** How a card number is written: run together, or in fours split by spaces or dashes. */
const arbWritten = fc
  .tuple(arbCardDigits, fc.constantFrom('', ' ', '-', '\u00a0'))
  .map(([digits, sep]) => (sep ? digits.replace(/(\d{4})(?=\d)/g, `$1${sep}`) : digits));

describe('findSensitive on random text', () => {
  it('finds a Luhn-valid card number wherever it is put, covering exactly it', () => {
    fc.assert(
      fc.property(arbWords, arbWritten, arbWords, (before, card, after) => {
        const text = `${before} ${card} ${after}`;
        const start = before.length + 1;
        expect(findSensitive(text)).toContainEqual({
          kind: 'card',
          start,
          end: start + card.length,
        });
      }),
      { numRuns },
    );
  });

  it('never reports a run of 13–19 digits that fails the Luhn check as a card', () => {
    const arbBad = fc
      .integer({ min: 13, max: 19 })
      .chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }))
      .map((d) => d.join(''))
      .filter((digits) => !luhnValid(digits));
    fc.assert(
      fc.property(arbWords, arbBad, arbWords, (before, digits, after) => {
        const kinds = findSensitive(`${before} ${digits} ${after}`).map((m) => m.kind);
        expect(kinds).not.toContain('card');
      }),
      { numRuns },
    );
  });

  it('answers in-bounds, ordered, non-overlapping findings for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const found = findSensitive(text);
        let last = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          last = m.end;
        }
      }),
      { numRuns },
    );
  });
});
