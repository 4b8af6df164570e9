import Papa from 'papaparse';

/** One CSV cell before serialisation: text, a number, a flag, or empty. */
export type CsvCell = string | number | boolean | null;

/** How a CSV file is written (docs/FILES.md#csv-format). */
export interface CsvOptions {
  /**
   * The dialect: `,` with a decimal point, or `;` with a decimal comma in numeric cells (for
   * spreadsheets in locales that use `,` as the decimal point).
   */
  delimiter: ',' | ';';
  /** Prefix a UTF-8 byte-order mark so Excel reads the file as UTF-8. */
  bom: boolean;
}

/** The options files use unless the user picks otherwise: comma, with a BOM. */
export const DEFAULT_CSV_OPTIONS: CsvOptions = { delimiter: ',', bom: true };

/** The UTF-8 byte-order mark, as a string. */
export const BOM = '\uFEFF';

const NEWLINE = '\r\n';

/**
 * Text cells a spreadsheet would run as a formula: a trigger (`=`, `+`, `-`, `@`, or their
 * full-width forms `＝＋－＠`, which some spreadsheets fold to ASCII) as the first character
 * after any blank or invisible lead-in, or a tab or carriage return first. The lead-in is
 * white space (`\s`: NBSP, U+2000–U+200A, U+3000, U+FEFF…), format characters (`\p{Cf}`:
 * zero-width space and joiners, word joiner, direction marks, invisible operators, soft
 * hyphen…), combining marks (`\p{Mn}`: variation selectors, grapheme joiner…) and the Hangul
 * fillers: `\u200B=1+1` looks like `=1+1` to a reader and may run as one. Papa's own default
 * pattern ends in `.*$` without the `s` flag, so it misses `=CMD()\n…`; this one looks only at
 * the start of the cell.
 */
export const FORMULA_START =
  /^(?:[\t\r]|[\s\p{Cf}\p{Mn}\u115F\u1160\u3164\uFFA0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * A decimal number written with a decimal comma (the `;` dialect): `-12,5`. Such a cell is a
 * number to the spreadsheet, not a formula, so the formula guard leaves it alone.
 */
const DECIMAL_COMMA_NUMBER = /-?\d+,\d+/;
const FORMULA_START_OR_TEXT = new RegExp(
  `^(?!${DECIMAL_COMMA_NUMBER.source}$)${FORMULA_START.source.slice(1)}`,
  'u',
);

/**
 * A cell as written: a number that is not finite (NaN, ±Infinity) has no meaningful figure and
 * is an empty cell; in the `;` dialect a fraction is written with a decimal comma (the
 * decimal mark follows the delimiter: docs/FILES.md), whole numbers stay as they are.
 */
function normaliseCell(cell: CsvCell, opts: CsvOptions): CsvCell {
  if (typeof cell !== 'number') return cell;
  if (!Number.isFinite(cell)) return null;
  if (opts.delimiter !== ';' || Number.isInteger(cell)) return cell;
  const text = String(cell);
  // An exponent form (5e-324) has no decimal mark to change; it stays a number.
  return /^-?\d+\.\d+$/.test(text) ? text.replace('.', ',') : cell;
}

function unparseRows(rows: readonly (readonly CsvCell[])[], opts: CsvOptions): string {
  if (rows.length === 0) return '';
  return Papa.unparse(
    rows.map((row) => row.map((cell) => normaliseCell(cell, opts))),
    {
      delimiter: opts.delimiter,
      newline: NEWLINE,
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      skipEmptyLines: false,
      // Only string cells are checked: Papa leaves numbers and booleans alone, so a negative
      // delta passed as -12.5 stays a number in the spreadsheet.
      escapeFormulae: opts.delimiter === ';' ? FORMULA_START_OR_TEXT : FORMULA_START,
    },
  );
}

/**
 * Serialises rows (the header being the first) as RFC 4180 CSV: fields quoted when needed,
 * `""` inside quotes, CRLF between records and no line break after the last one, `null` as an
 * empty cell, booleans as `true`/`false`, numbers with `.` decimals (`,` with the `;` delimiter), formula-like text cells
 * prefixed with `'`, and a BOM first when `opts.bom`.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts: CsvOptions): string {
  return (opts.bom ? BOM : '') + unparseRows(rows, opts);
}

/**
 * Records that follow earlier ones in a file (the header at least): the line break that
 * separates them from what came before, then the records; empty for no records. Appending such
 * pieces to {@link toCsv}`([header], opts)` gives {@link toCsv}`([header, ...rows], opts)`.
 */
export function csvRecordsAfter(rows: readonly (readonly CsvCell[])[], opts: CsvOptions): string {
  return rows.length === 0 ? '' : NEWLINE + unparseRows(rows, opts);
}

/**
 * The same file as {@link toCsv}`([header, ...rows], opts)`, produced in pieces so a caller can
 * build a Blob from many parts and report progress on big exports. The first chunk is the BOM
 * (when asked for) and the header; each later chunk holds up to `chunkSize` records and starts
 * with the line break that separates it from the chunk before.
 */
export function* csvChunks(
  header: readonly CsvCell[],
  rows: Iterable<readonly CsvCell[]>,
  opts: CsvOptions,
  chunkSize = 2000,
): Generator<string, void, undefined> {
  const size = Math.max(1, Math.floor(chunkSize));
  yield toCsv([header], opts);
  let batch: (readonly CsvCell[])[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield csvRecordsAfter(batch, opts);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvRecordsAfter(batch, opts);
}
