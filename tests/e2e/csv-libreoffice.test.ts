// A real spreadsheet opens guarded cells as text: the CSV is converted by LibreOffice Calc,
// headless, and every cell of the result is read back. Needs `soffice` (Debian:
// libreoffice-calc-nogui, which .ci/run installs); without it the file fails and says how to get it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/export';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const dir = mkdtempSync(join(tmpdir(), 'tpa-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
function cellsOf(csv: string): { type: string; formula: boolean }[] {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, csv);
  // Filter options: comma, double quote, UTF-8 (76), from line 1.
  execFileSync(
    SOFFICE!,
    ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', dir, file],
    { env: { ...process.env, HOME: dir }, timeout: 120_000, stdio: 'ignore' },
  );
  const fods = readFileSync(file.replace(/\.csv$/, '.fods'), 'utf8');
  return [...fods.matchAll(/<table:table-cell ([^>]*)>/g)].map(([, attrs]) => ({
    type: /office:value-type="(\w+)"/.exec(attrs!)?.[1] ?? '',
    formula: attrs!.includes('table:formula='),
  }));
}

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
