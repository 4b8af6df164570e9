import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildTouchpointsCsv, touchpointsCsvHeader } from '../../../lib/export';
import type { ScoreValue } from '../../../lib/model';
import { criticalRubric, rubric, study, T0, touchpoint } from './fixtures';
import { expected, HEADER, input } from './touchpoints-csv.cases';

function parse(text: string, delimiter: ',' | ';'): string[][] {
  const r = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n' });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('buildTouchpointsCsv', () => {
  it('has exactly the documented columns (docs/FILES.md), criteria in rubric order', () => {
    expect(touchpointsCsvHeader(rubric)).toEqual(HEADER);
    expect(touchpointsCsvHeader(criticalRubric).slice(21)).toEqual([
      'score_safety',
      'score_speed',
      'review_status',
    ]);
  });

  it.each([
    [',', true],
    [';', false],
  ] as const)('writes every column of every row (delimiter %j, BOM %s)', (delimiter, bom) => {
    const text = buildTouchpointsCsv(input, { delimiter, bom });
    expect(text.startsWith('\uFEFF')).toBe(bom);
    expect(text.replace(/"[^"]*"/g, '').includes('\n')).toBe(
      text.replace(/"[^"]*"/g, '').includes('\r\n'),
    );
    expect(text.replace(/"[^"]*"/g, '').split('\r\n')).toHaveLength(expected.length + 1);
    const [header, ...rows] = parse(text, delimiter);
    expect(header).toEqual(HEADER);
    // The semicolon dialect writes the score with a decimal comma (docs/FILES.md).
    const written =
      delimiter === ';'
        ? expected.map((r) => ({ ...r, score_pct: r.score_pct?.replace('.', ',') }))
        : expected;
    expect(rows.map((row) => Object.fromEntries(HEADER.map((h, i) => [h, row[i]])))).toEqual(
      written,
    );
    expect(rows.every((row) => row.length === HEADER.length)).toBe(true);
  });

  it.each<[string, Record<string, ScoreValue>, string, string]>([
    ['all at the maximum', { safety: 10, speed: 10 }, '100', 'false'],
    ['weights 1 and 3: (50 + 3 × 100) / 4', { safety: 5, speed: 10 }, '87.5', 'false'],
    ['critical criterion at the minimum', { safety: 0, speed: 10 }, '0', 'true'],
    ['weights 1 and 3: (100 + 3 × 50) / 4', { safety: 10, speed: 5 }, '62.5', 'false'],
    ['nothing scored', {}, '', 'false'],
    ['all N/A', { safety: 'NA', speed: 'NA' }, '', 'false'],
  ])('scores with its rubric: %s', (_name, scores, pct, critical) => {
    const csv = buildTouchpointsCsv(
      {
        ...input,
        study: { ...study, rubricId: 'strict', rubricVersion: 2 },
        rubric: criticalRubric,
        touchpoints: [touchpoint('t', 'a-own', T0, { scores: { ...scores } })],
      },
      { delimiter: ',', bom: false },
    );
    const [header, row] = parse(csv, ',');
    const at = (h: string) => row?.[header?.indexOf(h) ?? -1];
    expect([at('score_pct'), at('critical_fail')]).toEqual([pct, critical]);
    expect([at('score_safety'), at('score_speed')]).toEqual([
      String(scores.safety ?? ''),
      String(scores.speed ?? ''),
    ]);
  });

  it('writes only the header when the study has no live touchpoints', () => {
    const csv = buildTouchpointsCsv({ ...input, touchpoints: [] }, { delimiter: ',', bom: false });
    expect(parse(csv, ',')).toEqual([HEADER]);
  });
});
