import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../entrypoints/report/format';

describe('wrapLabel: a chart label in at most two lines', () => {
  it('keeps a name that fits on one line', () => {
    expect(wrapLabel('Trust & credibility', 24)).toEqual(['Trust & credibility']);
  });

  it('breaks a long name at spaces, filling the first line', () => {
    expect(wrapLabel('Доброжелательность и эмпатия', 24)).toEqual([
      'Доброжелательность и',
      'эмпатия',
    ]);
    expect(wrapLabel('Kadalian / kaunting pagsisikap', 20)).toEqual([
      'Kadalian / kaunting',
      'pagsisikap',
    ]);
  });

  it('gives a word longer than a line a line of its own', () => {
    expect(wrapLabel('Kundenzufriedenheitsmessung heute', 10)).toEqual([
      'Kundenzufriedenheitsmessung',
      'heute',
    ]);
  });

  it('ends what does not fit in two lines with an ellipsis', () => {
    const lines = wrapLabel('Did the agent answer the question the shopper asked first', 20);
    expect(lines).toEqual(['Did the agent answer', 'the question the…']);
    expect(wrapLabel('aaaa bbbb cccc dddd eeee', 9)).toEqual(['aaaa bbbb', 'cccc ddd…']);
    expect(wrapLabel('aaaa bbbbbbbbbb cccc', 10, 1)).toEqual(['aaaa…']);
  });
});
