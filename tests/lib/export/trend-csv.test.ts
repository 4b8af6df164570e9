import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildComparisonCsv, buildTrendCsv } from '../../../lib/export';
import {
  buildComparison,
  buildTrend,
  tallyTouchpoints,
  type BrandTouchpoint,
  type Dimension,
  type WaveTally,
} from '../../../lib/report';
import { brands, rubric, study } from './fixtures';

const HEADER = [
  'study',
  'wave',
  'dimension',
  'key',
  'label',
  'brand',
  'brand_role',
  'touchpoints',
  'score_pct',
  'rank',
  'delta_vs_own',
  'delta_vs_prev_wave',
  'critical_fails',
];

const labelOf = (_d: Dimension, key: string): string => (key === 'cart' ? '=Cart' : key);
const tp = (brandId: string, speed: number): BrandTouchpoint => ({
  brandId,
  touchpoint: { category: 'cart', stage: 'purchase', scores: { speed } },
});
const wave = (label: string, items: BrandTouchpoint[]): WaveTally => ({
  wave: label,
  tally: tallyTouchpoints(items, rubric),
});

function parse(text: string, delimiter: ',' | ';'): string[][] {
  const r = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n' });
  expect(r.errors).toEqual([]);
  return r.data;
}

function trendCsv(waves: WaveTally[], delimiter: ',' | ';' = ','): string {
  const trend = buildTrend(waves, { brands, rubric });
  return buildTrendCsv({ study, brands, waves: trend, labelOf }, { delimiter, bom: true });
}

/** The cells of the (category, cart) rows: wave, brand id's name, score, delta vs previous. */
function cartRows(text: string, delimiter: ',' | ';' = ','): string[][] {
  return parse(text, delimiter)
    .filter((r) => r[2] === 'category' && r[3] === 'cart')
    .map((r) => [r[1]!, r[5]!, r[8]!, r[11]!]);
}

describe('buildTrendCsv', () => {
  it('writes the header, a BOM and CRLF, and neutralises formula-like labels', () => {
    const text = trendCsv([wave('2026-Q3', [tp('b-own', 3)])]);
    expect(text.startsWith('\uFEFFstudy,wave,dimension,')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parse(text, ',');
    expect(rows[0]).toEqual(HEADER);
    expect(rows.find((r) => r[3] === 'cart')?.[4]).toBe("'=Cart");
  });

  // Speed on 1–5: 3 → 50 %, 4 → 75 %, 5 → 100 %, 2 → 25 %.
  it.each<[string, WaveTally[], string[][]]>([
    [
      'the change since the previous wave, rounded',
      [wave('W1', [tp('b-own', 3), tp('b-ru', 4)]), wave('W2', [tp('b-own', 4), tp('b-ru', 2)])],
      [
        ['W1', 'Giày Việt', '50', ''],
        ['W1', 'Кроссовки.ру', '75', ''],
        ['W1', 'Ļoti Labi SIA', '', ''],
        ['W2', 'Giày Việt', '75', '25'],
        ['W2', 'Кроссовки.ру', '25', '-50'],
        ['W2', 'Ļoti Labi SIA', '', ''],
      ],
    ],
    [
      'a wave without data keeps its rows and is skipped by the next change',
      [wave('W1', [tp('b-own', 3)]), wave('W2', []), wave('W3', [tp('b-own', 5)])],
      [
        ['W1', 'Giày Việt', '50', ''],
        ['W1', 'Кроссовки.ру', '', ''],
        ['W1', 'Ļoti Labi SIA', '', ''],
        ['W3', 'Giày Việt', '100', '50'],
        ['W3', 'Кроссовки.ру', '', ''],
        ['W3', 'Ļoti Labi SIA', '', ''],
      ],
    ],
  ])('%s', (_name, waves, expected) => {
    for (const delimiter of [',', ';'] as const) {
      expect(cartRows(trendCsv(waves, delimiter), delimiter)).toEqual(expected);
    }
  });

  it('writes the rows of a wave without data: overall and criteria, no scores', () => {
    const rows = parse(trendCsv([wave('W1', [])]), ',').slice(1);
    expect(rows.map((r) => [r[1], r[2], r[8]])).toEqual([
      ...brands.map(() => ['W1', 'overall', '']),
      ...rubric.criteria.flatMap(() => brands.map(() => ['W1', 'criterion', ''])),
    ]);
  });

  it("a one-wave study carries comparison.csv's figures, with the wave and an empty change", () => {
    const one = wave('2026-Q4', [tp('b-own', 3), tp('b-ru', 4), tp('b-lv', 2)]);
    const comparison = parse(
      buildComparisonCsv(
        { study, brands, labelOf, rows: buildComparison(one.tally, { brands, rubric }) },
        { delimiter: ',', bom: true },
      ),
      ',',
    ).slice(1);
    const trend = parse(trendCsv([one]), ',').slice(1);
    expect(trend.map((r) => r[1])).toEqual(comparison.map(() => '2026-Q4'));
    expect(trend.map((r) => r[11])).toEqual(comparison.map(() => ''));
    expect(trend.map((r) => [r[0], ...r.slice(2, 11), r[12]])).toEqual(comparison);
  });
});
