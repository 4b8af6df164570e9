// A real spreadsheet opens guarded cells as text: the CSV is converted by LibreOffice Calc,
// headless, and every cell of the result is read back. Needs `soffice` (Debian:
// libreoffice-calc-nogui, which .ci/run installs); without it the file fails and says how to get it.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/export';
import { openInCalc, SOFFICE } from './support/libreoffice';

/** Cells a spreadsheet would run as formulas, unguarded. */
const HOSTILE = [
  '=1+1',
  ' =1+1',
  '\u00A0=1+1',
  '\u200B=1+1',
  '\u200D+1+1',
  '\u2060-1+1',
  '\uFEFF@SUM(1)',
  '\uFF1D1+1',
  '\uFF0B1+1',
  '\uFF0D1+1',
  '\uFF20SUM(1)',
  '\t=1+1',
];

/** Each cell of the converted sheet: its value type and whether it holds a formula. */
const cellsOf = (csv: string) =>
  openInCalc(csv, { delimiter: ',' }).flatMap((row) =>
    row.map(({ type, formula }) => ({ type, formula })),
  );

describe('LibreOffice Calc opens guarded CSV cells as text', () => {
  it('has LibreOffice to open the files with', () => {
    expect(
      SOFFICE,
      'no soffice found: sudo apt-get install -y libreoffice-calc-nogui',
    ).toBeDefined();
  });

  it('the unguarded cells run (the check can see a formula)', () => {
    const raw = HOSTILE.slice(0, 1).join('\r\n');
    expect(cellsOf(raw)).toEqual([{ type: 'float', formula: true }]);
  });

  it('every guarded cell is text, none a formula', () => {
    const cells = cellsOf(
      toCsv([['cell'], ...HOSTILE.map((c) => [c])], { delimiter: ',', bom: true }),
    );
    expect(cells).toHaveLength(HOSTILE.length + 1);
    expect(cells.filter((c) => c.formula || c.type !== 'string')).toEqual([]);
  });
});
