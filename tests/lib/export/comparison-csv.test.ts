import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildComparisonCsv, type ComparisonCsvInput } from '../../../lib/export';
import type { ComparisonRow, Dimension } from '../../../lib/report/types';
import { brands, study } from './fixtures';

const HEADER = [
  'study',
  'dimension',
  'key',
  'label',
  'brand',
  'brand_role',
  'touchpoints',
  'score_pct',
  'rank',
  'delta_vs_own',
  'critical_fails',
];

const row = (
  partial: Partial<ComparisonRow> & Pick<ComparisonRow, 'dimension' | 'key' | 'brandId'>,
): ComparisonRow => ({
  touchpoints: 0,
  scorePct: null,
  scored: 0,
  rank: null,
  deltaVsOwn: null,
  criticalFails: 0,
  gap: false,
  ...partial,
});

const labels: Record<string, string> = {
  'overall:overall': 'Tổng thể',
  'stage:post_purchase': 'Sau mua hàng',
  'category:live_chat': 'Чат, "живой"',
  'criterion:speed': '=Ātrums',
};
const labelOf = (dimension: Dimension, key: string): string => labels[`${dimension}:${key}`] ?? key;

// [name, row, expected cells after the study column]
const cases: [string, ComparisonRow, string[]][] = [
  [
    'own brand overall, 62.25 rounds half away to 62.3',
    row({
      dimension: 'overall',
      key: 'overall',
      brandId: 'b-own',
      touchpoints: 12,
      scorePct: 62.25,
      rank: 2,
    }),
    ['overall', 'overall', 'Tổng thể', 'Giày Việt', 'own', '12', '62.3', '2', '', '0'],
  ],
  [
    'competitor with a negative delta stays a number (no quote prefix)',
    row({
      dimension: 'stage',
      key: 'post_purchase',
      brandId: 'b-ru',
      touchpoints: 3,
      scorePct: 50,
      rank: 3,
      deltaVsOwn: -12.25,
      criticalFails: 1,
    }),
    [
      'stage',
      'post_purchase',
      'Sau mua hàng',
      'Кроссовки.ру',
      'competitor',
      '3',
      '50',
      '3',
      '-12.3',
      '1',
    ],
  ],
  [
    'positive delta rounded from unrounded figures',
    row({
      dimension: 'category',
      key: 'live_chat',
      brandId: 'b-lv',
      touchpoints: 2,
      scorePct: 75.04999,
      rank: 1,
      deltaVsOwn: 12.74999,
    }),
    [
      'category',
      'live_chat',
      'Чат, "живой"',
      'Ļoti Labi SIA',
      'competitor',
      '2',
      '75',
      '1',
      '12.7',
      '0',
    ],
  ],
  [
    'no score: empty score, rank and delta; formula-like label neutralised',
    row({ dimension: 'criterion', key: 'speed', brandId: 'b-lv', touchpoints: 0 }),
    ['criterion', 'speed', "'=Ātrums", 'Ļoti Labi SIA', 'competitor', '0', '', '', '', '0'],
  ],
  [
    'a delta that rounds to zero is 0, not -0',
    row({
      dimension: 'overall',
      key: 'overall',
      brandId: 'b-ru',
      touchpoints: 1,
      scorePct: 10,
      rank: 1,
      deltaVsOwn: -0.04,
    }),
    ['overall', 'overall', 'Tổng thể', 'Кроссовки.ру', 'competitor', '1', '10', '1', '0', '0'],
  ],
  [
    'unknown brand keeps the row with empty name and role',
    row({
      dimension: 'overall',
      key: 'overall',
      brandId: 'b-gone',
      touchpoints: 1,
      scorePct: 99.95,
      rank: 1,
    }),
    ['overall', 'overall', 'Tổng thể', '', '', '1', '100', '1', '', '0'],
  ],
];

const input = (rows: ComparisonRow[]): ComparisonCsvInput => ({ study, brands, rows, labelOf });

function parse(text: string, delimiter: ',' | ';'): string[][] {
  const r = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n' });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('buildComparisonCsv', () => {
  it.each(cases)('%s', (_name, r, cells) => {
    for (const delimiter of [',', ';'] as const) {
      const rows = parse(buildComparisonCsv(input([r]), { delimiter, bom: true }), delimiter);
      // The semicolon dialect writes fractions with a decimal comma (docs/FILES.md).
      const written =
        delimiter === ';'
          ? cells.map((c) => (/^-?\d+\.\d+$/.test(c) ? c.replace('.', ',') : c))
          : cells;
      expect(rows).toEqual([HEADER, ['Q4 running shoes, "north"', ...written]]);
    }
  });

  it('keeps the given row order, one line per row, BOM and CRLF', () => {
    const all = cases.map(([, r]) => r);
    const text = buildComparisonCsv(input(all), { delimiter: ',', bom: true });
    expect(text.startsWith('\uFEFFstudy,dimension,key,label,brand,brand_role,touchpoints,')).toBe(
      true,
    );
    expect(text.endsWith('\r\n')).toBe(false);
    const rows = parse(text, ',');
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual(cases.map(([, , cells]) => cells));
  });

  it('writes 12.5 and the raw negative delta with a decimal comma with semicolons', () => {
    const r = row({
      dimension: 'overall',
      key: 'overall',
      brandId: 'b-ru',
      touchpoints: 1,
      scorePct: 12.5,
      rank: 2,
      deltaVsOwn: -12.5,
    });
    const text = buildComparisonCsv(input([r]), { delimiter: ';', bom: false });
    expect(text.split('\r\n')[1]).toBe(
      '"Q4 running shoes, ""north""";overall;overall;Tổng thể;Кроссовки.ру;competitor;1;12,5;2;-12,5;0',
    );
  });
});
