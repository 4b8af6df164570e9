// Opens CSV text the way a stakeholder's spreadsheet does: LibreOffice Calc, headless, converts
// it to a flat ODF sheet whose cells are read back. Needs `soffice` (Debian:
// libreoffice-calc-nogui, which .ci/run installs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** One cell as Calc read it: its value type, whether it holds a formula, and its text. */
export interface CalcCell {
  type: string;
  formula: boolean;
  /** The numeric value of a `float` cell (Calc's own reading, `.` decimals). */
  value?: string;
  text: string;
}

/** How the sheet is opened: the delimiter, and the locale that reads its numbers (LCID). */
export interface CalcImport {
  delimiter: ',' | ';';
  /** 1033 English (US), 1062 Latvian, 1049 Russian, 1066 Vietnamese. */
  locale?: number;
}

const unescape = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    // The flat file is indented: the cell's own text has no line breaks of ours.
    .replace(/\s*\n\s*/g, '');

/** The rows of `csv` as Calc opens it (empty trailing cells left out). */
export function openInCalc(csv: string, how: CalcImport): CalcCell[][] {
  if (!SOFFICE) throw new Error('no soffice found: sudo apt-get install -y libreoffice-calc-nogui');
  const dir = mkdtempSync(join(tmpdir(), 'tpa-calc-'));
  try {
    const file = join(dir, 'sheet.csv');
    writeFileSync(file, csv);
    // Filter options: delimiter, double quote, UTF-8 (76), from line 1, standard cell formats,
    // then the locale numbers are read in.
    const filter = `CSV:${how.delimiter.charCodeAt(0)},34,76,1,,${how.locale ?? 1033}`;
    execFileSync(
      SOFFICE,
      ['--headless', `--infilter=${filter}`, '--convert-to', 'fods', '--outdir', dir, file],
      { env: { ...process.env, HOME: dir }, timeout: 120_000, stdio: 'ignore' },
    );
    const fods = readFileSync(join(dir, 'sheet.fods'), 'utf8');
    return [...fods.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)]
      .map(([, row]) =>
        [
          ...row!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g),
        ].flatMap(([, attrs, body]) => {
          const cell = {
            type: /office:value-type="(\w+)"/.exec(attrs!)?.[1] ?? '',
            formula: attrs!.includes('table:formula='),
            value: /office:value="([^"]*)"/.exec(attrs!)?.[1],
            text: unescape(body ?? ''),
          };
          // Equal neighbours (empty cells, mostly) are written once with a repeat count.
          const repeat = /table:number-columns-repeated="(\d+)"/.exec(attrs!)?.[1];
          return Array.from({ length: Math.min(Number(repeat ?? 1), 64) }, () => cell);
        }),
      )
      .map((cells) => {
        while (cells.length && cells.at(-1)!.type === '' && cells.at(-1)!.text === '') cells.pop();
        return cells;
      })
      .filter((cells) => cells.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
