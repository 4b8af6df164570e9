import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvChunks, toCsv, type CsvCell, type CsvOptions } from '../../../lib/export';
// The guard's own cases are table-tested above; here it only predicts which cells get a '.
import { FORMULA_START } from '../../../lib/export/csv';

/** Parses a file back the way a spreadsheet import would: BOM off, CRLF records. */
function parseBack(text: string, delimiter: ',' | ';'): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { delimiter, newline: '\r\n', header: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

const comma: CsvOptions = { delimiter: ',', bom: true };
const semicolon: CsvOptions = { delimiter: ';', bom: false };

describe('toCsv cells', () => {
  // [name, cell, what a spreadsheet reads back]
  const cases: [string, CsvCell, string][] = [
    ['plain text', 'plain', 'plain'],
    ['Vietnamese', 'Trải nghiệm tuyệt vời', 'Trải nghiệm tuyệt vời'],
    ['Russian', 'Доставка быстрая', 'Доставка быстрая'],
    ['Latvian', 'Ļoti laipns', 'Ļoti laipns'],
    ['Tagalog', 'Napakabait ng ahente, salamat po!', 'Napakabait ng ahente, salamat po!'],
    ['comma', 'a, b', 'a, b'],
    ['semicolon', 'a; b', 'a; b'],
    ['quotes', 'say "hi"', 'say "hi"'],
    ['LF inside', 'line 1\nline 2', 'line 1\nline 2'],
    ['CRLF inside', 'line 1\r\nline 2', 'line 1\r\nline 2'],
    ['leading space', ' spaced ', ' spaced '],
    [
      '=HYPERLINK',
      '=HYPERLINK("http://evil.example","click")',
      `'=HYPERLINK("http://evil.example","click")`,
    ],
    ['plus', '+1', "'+1"],
    ['minus text', '-2', "'-2"],
    ['at', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['tab', '\t=1+1', "'\t=1+1"],
    ['carriage return', '\r=1+1', "'\r=1+1"],
    ['formula then newline', '=CMD()\nsecond line', "'=CMD()\nsecond line"],
    ['equals later is fine', 'a=b', 'a=b'],
    // Invisible or blank lead-ins before a trigger, and full-width triggers.
    ['space then =', ' =1+1', "' =1+1"],
    ['spaces then @', '   @SUM(A1)', "'   @SUM(A1)"],
    ['NBSP then =', '\u00A0=1+1', "'\u00A0=1+1"],
    ['zero-width space then =', '\u200B=1+1', "'\u200B=1+1"],
    ['zero-width non-joiner then +', '\u200C+1', "'\u200C+1"],
    ['zero-width joiner then -', '\u200D-1', "'\u200D-1"],
    ['word joiner then =', '\u2060=1', "'\u2060=1"],
    ['BOM then =', '\uFEFF=1', "'\uFEFF=1"],
    ['RTL mark then =', '\u200F=1', "'\u200F=1"],
    ['ideographic space then =', '\u3000=1', "'\u3000=1"],
    ['mixed lead-in then =', ' \u00A0\u200B\uFEFF=1', "' \u00A0\u200B\uFEFF=1"],
    ['newline then =', '\n=1', "'\n=1"],
    ['soft hyphen then =', '\u00AD=1', "'\u00AD=1"],
    ['variation selector then =', '\uFE0F=1', "'\uFE0F=1"],
    ['combining grapheme joiner then @', '\u034F@x', "'\u034F@x"],
    ['Hangul filler then =', '\u3164=1', "'\u3164=1"],
    ['full-width equals', '\uFF1D1+1', "'\uFF1D1+1"],
    ['full-width plus', '\uFF0B1', "'\uFF0B1"],
    ['full-width minus', '\uFF0D1', "'\uFF0D1"],
    ['full-width at', '\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    ['zero-width then full-width equals', '\u200B\uFF1D1', "'\u200B\uFF1D1"],
    ['zero-width then text', '\u200Bhello', '\u200Bhello'],
    ['NBSP then text', '\u00A0hello', '\u00A0hello'],
    ['full-width equals later', 'a\uFF1Db', 'a\uFF1Db'],
    ['negative number', -12.5, '-12.5'],
    ['decimal number', 12.5, '12.5'],
    ['zero', 0, '0'],
    ['integer', 3, '3'],
    ['NaN', Number.NaN, ''],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['null', null, ''],
    ['empty string', '', ''],
  ];

  it.each(cases)('%s survives with comma and semicolon', (_name, cell, expected) => {
    for (const opts of [comma, semicolon]) {
      const rows = parseBack(
        toCsv(
          [
            ['h1', 'h2', 'h3'],
            ['x', cell, 'y'],
          ],
          opts,
        ),
        opts.delimiter,
      );
      // The semicolon dialect writes a fraction with a decimal comma.
      const written =
        opts === semicolon && typeof cell === 'number' ? expected.replace('.', ',') : expected;
      expect(rows).toEqual([
        ['h1', 'h2', 'h3'],
        ['x', written, 'y'],
      ]);
    }
  });

  it.each([
    [',', -12.5, 'a,-12.5,b'],
    [';', -12.5, 'a;-12,5;b'],
    [';', 12.5, 'a;12,5;b'],
    [',', 12.5, 'a,12.5,b'],
  ] as const)('writes numbers as numbers with %j: %d', (delimiter, n, line) => {
    expect(toCsv([['a', n, 'b']], { delimiter, bom: false })).toBe(line);
  });

  it.each([
    ['quotes and doubles', 'say "hi"', '"say ""hi"""'],
    ['formula quoted', '=1+1', `"'=1+1"`],
    ['comma quoted', 'a,b', '"a,b"'],
  ])('quotes RFC 4180 style: %s', (_name, cell, raw) => {
    expect(toCsv([[cell]], { delimiter: ',', bom: false })).toBe(raw);
  });
});

describe('toCsv file format', () => {
  const rows: CsvCell[][] = [
    ['a', 'b'],
    ['1\n2', 3],
    [null, true],
  ];

  it('starts with a BOM only when asked', () => {
    expect(toCsv(rows, comma).startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(toCsv(rows, { delimiter: ',', bom: false }).startsWith('a,b\r\n')).toBe(true);
  });

  it('ends records with CRLF, none after the last, and has no bare LF outside quotes', () => {
    const text = toCsv(rows, { delimiter: ',', bom: false });
    expect(text).toBe('a,b\r\n"1\n2",3\r\n,true');
  });

  it('writes an empty file for no rows (BOM only when asked)', () => {
    expect(toCsv([], comma)).toBe('\uFEFF');
    expect(toCsv([], semicolon)).toBe('');
  });
});

describe('csvChunks', () => {
  const header = ['id', 'note', 'n'];
  const rows: CsvCell[][] = Array.from({ length: 23 }, (_, i) => [
    `r${i}`,
    i % 3 ? 'Доставка, "быстрая"' : '=1',
    i - 5,
  ]);

  it.each([1, 2, 5, 22, 23, 24, 2000])('joins to toCsv with chunk size %i', (size) => {
    for (const opts of [comma, semicolon]) {
      const chunks = [...csvChunks(header, rows, opts, size)];
      expect(chunks.join('')).toBe(toCsv([header, ...rows], opts));
      expect(chunks[0]).toBe(toCsv([header], opts));
      expect(chunks).toHaveLength(1 + Math.ceil(rows.length / size));
    }
  });

  it('yields only the header for no rows, and reads rows lazily from an iterable', () => {
    expect([...csvChunks(header, [], comma)]).toEqual(['\uFEFFid,note,n']);
    function* gen() {
      yield ['a', 'b', 1];
      yield ['c', null, 2];
    }
    expect([...csvChunks(header, gen(), comma, 1)].join('')).toBe(
      toCsv([header, ['a', 'b', 1], ['c', null, 2]], comma),
    );
  });

  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('=', '+x', '-', '@', '\t', '\r', '"', ',', ';', '\r\n'),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );

  it('property: chunks join to toCsv, and every text cell parses back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom<CsvOptions>(comma, semicolon),
        (body, size, opts) => {
          const whole = toCsv([header, ...body], opts);
          expect([...csvChunks(header, body, opts, size)].join('')).toBe(whole);
          const back = parseBack(whole, opts.delimiter).slice(1);
          body.forEach((row, r) =>
            row.forEach((c, i) => {
              const decimalComma = opts.delimiter === ';';
              const guarded =
                typeof c === 'string' &&
                FORMULA_START.test(c) &&
                !(decimalComma && /^-?\d+,\d+$/.test(c));
              const expected =
                c === null
                  ? ''
                  : guarded
                    ? `'${c}`
                    : typeof c === 'number' && decimalComma && /^-?\d+\.\d+$/.test(String(c))
                      ? String(c).replace('.', ',')
                      : String(c);
              expect(back[r]?.[i]).toBe(expected);
            }),
          );
        },
      ),
    );
  });
});

describe('the semicolon dialect', () => {
  const semicolon = { delimiter: ';', bom: false } as const;

  it('writes fractions with a decimal comma and leaves whole numbers and text alone', () => {
    expect(toCsv([['a', 84.2, -12.5, 3, -4, '1.5']], semicolon)).toBe('a;84,2;-12,5;3;-4;1.5');
  });

  it('keeps the formula guard for text, but not for a number written with a comma', () => {
    expect(toCsv([['=SUM(A1)', -0.5, '-1']], semicolon)).toBe(`"'=SUM(A1)";-0,5;"'-1"`);
  });

  it('leaves the comma dialect byte for byte as it was', () => {
    expect(toCsv([['a', 84.2, -12.5, '-1']], { delimiter: ',', bom: false })).toBe(
      `a,84.2,-12.5,"'-1"`,
    );
  });
});
