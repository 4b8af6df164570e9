// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditorDb, getStudyTally, setSetting, waveTally } from '../../../lib/db';
import {
  exportComparisonCsv,
  exportStudyCsv,
  exportTouchpointsCsv,
  exportTrendCsv,
} from '../../../lib/export/study-csv';
import {
  buildComparisonCsv,
  buildTouchpointsCsv,
  COMPARISON_COLUMNS,
  DEFAULT_CSV_OPTIONS,
  TOUCHPOINT_COLUMNS,
  type CsvOptions,
} from '../../../lib/export';
import { dimensionKeyLabel, setLanguage } from '../../../lib/i18n';
import { speak } from '../../../lib/i18n/load';
import type { Touchpoint } from '../../../lib/model';
import { buildComparison } from '../../../lib/report';
import { evidence, NOW, sampleData } from '../backup/fixtures';
import { JPEG_3X2 } from '../../fixtures/images';
import { touchpoint } from './fixtures';
import { freshDb, seed } from '../backup/db-fixtures';
import { dropDb } from '../db/test-db';

let db: AuditorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  setLanguage('en', {});
  await dropDb(db);
});

/** The file's bytes as text, BOM kept (Blob.text() would drop it). */
const textOf = async (blob: Blob | undefined) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob!.arrayBuffer());

function bigData() {
  const data = sampleData();
  const categories = ['cart', 'payment', 'live_chat', 'online_ad'];
  const many: Touchpoint[] = Array.from({ length: 4_500 }, (_, i) =>
    touchpoint(
      `tp-x${i}`,
      'a-own',
      new Date(Date.UTC(2026, 10, 22, 11, 0, i % 60, i)).toISOString(),
      {
        category: categories[i % 4]!,
        scores: { speed: (i % 5) + 1, trust: i % 7 === 0 ? 'NA' : 3 },
        notes: i % 11 === 0 ? '=HYPERLINK("x")' : `note ${i}`,
      },
    ),
  );
  data.touchpoints.push(...many);
  return data;
}

describe('CSV exports from the database', () => {
  it.each<[string, CsvOptions]>([
    ['comma with BOM', DEFAULT_CSV_OPTIONS],
    ['semicolon', { delimiter: ';', bom: true }],
  ])(
    'touchpoints.csv (%s) is byte for byte buildTouchpointsCsv, built in slices',
    async (_name, opts) => {
      const data = bigData();
      await seed(db, data);
      const progress: string[] = [];
      const blob = await exportTouchpointsCsv(db, 'study-1', opts, (p) => progress.push(p.phase));
      const evidenceShaByTouchpoint = Object.fromEntries(
        data.evidence.map((e) => [e.touchpointId, e.sha256]),
      );
      const study = data.studies[0]!;
      const expected = buildTouchpointsCsv(
        {
          study,
          rubric: data.rubrics[0]!,
          brands: data.brands,
          audits: data.audits,
          touchpoints: data.touchpoints,
          evidenceShaByTouchpoint,
        },
        opts,
      );
      const text = await textOf(blob);
      expect(text).toBe(expected);
      expect(text.split('\r\n')[0]).toBe(
        `\uFEFF${[...TOUCHPOINT_COLUMNS, ...data.rubrics[0]!.criteria.map((c) => `score_${c.id}`), 'review_status'].join(opts.delimiter)}`,
      );
      expect(progress).toContain('reading');
      expect(progress.filter((p) => p === 'writing').length).toBeGreaterThan(2);
    },
  );

  it('comparison.csv is buildComparisonCsv over the kept totals, in the delimiter from settings', async () => {
    await seed(db, bigData());
    await setSetting(db, 'csvDelimiter', ';');
    const data = sampleData();
    const kept = await getStudyTally(db, 'study-1', NOW);
    const rows = buildComparison(waveTally(kept, '2026-Q4'), {
      brands: data.brands,
      rubric: data.rubrics[0]!,
    });
    const labelOf = (d: Parameters<typeof dimensionKeyLabel>[0], key: string) =>
      dimensionKeyLabel(d, key, {
        criterionLabel: (id) => data.rubrics[0]!.criteria.find((c) => c.id === id)?.label,
      });
    const expected = buildComparisonCsv(
      { study: data.studies[0]!, brands: data.brands, rows, labelOf },
      { delimiter: ';', bom: true },
    );
    const text = await textOf(await exportComparisonCsv(db, 'study-1'));
    expect(text).toBe(expected);
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(COMPARISON_COLUMNS.join(';'));
  });

  it("labels the seeded criteria in the reader's language in comparison.csv and trend.csv, as the report does, and keeps a lead's own words", async () => {
    const data = sampleData();
    // Study A's rubric is the default one, stored with its seeded English names; the lead
    // renamed one criterion.
    const rubric = data.rubrics.find((r) => r.id === data.studies[0]!.rubricId)!;
    const clarity = rubric.criteria.find((c) => c.id === 'clarity')!;
    clarity.label = 'Clear prices and terms';
    await seed(db, data);
    await speak('lv');
    const labelIn = (text: string, key: string) =>
      text
        .split('\r\n')
        .map((line) => line.split(';'))
        .map((cells) => cells.slice(cells.indexOf('criterion')))
        .find((cells) => cells[0] === 'criterion' && cells[1] === key)?.[2];
    for (const text of [
      await textOf(await exportComparisonCsv(db, 'study-1')),
      await textOf(await exportTrendCsv(db, 'study-1')),
    ]) {
      expect(labelIn(text, 'speed')).toBe('Ātrums un atsaucība');
      expect(labelIn(text, 'clarity')).toBe('Clear prices and terms');
    }
  });

  it('names the files with exportFileName and gives nothing for an unknown study', async () => {
    await seed(db);
    const file = await exportStudyCsv(
      db,
      'study-1',
      'comparison',
      new Date(2026, 10, 22, 9),
      undefined,
    );
    expect(file?.fileName).toBe(
      'touchpoint-auditor_q4-running-shoes-north_comparison_2026-q4_2026-11-22.csv',
    );
    expect(file?.blob.type).toBe('text/csv;charset=utf-8');
    expect(await exportStudyCsv(db, 'nope', 'touchpoints', NOW)).toBeUndefined();
  });

  it('names the capture at Save in evidence_sha256 when a touchpoint also kept its pick', async () => {
    const data = sampleData();
    const tp = data.evidence[0]!.touchpointId;
    const atSave = { ...evidence('ev-save', tp, JPEG_3X2, 'image/jpeg'), moment: 'save' as const };
    // The pick's id sorts first (evidence ids are random): it still never wins the column.
    data.evidence = [
      { ...data.evidence[0]!, id: 'ev-a-pick', moment: 'pick' },
      atSave,
      ...data.evidence.slice(1),
    ];
    await seed(db, data);
    const text = await textOf(await exportTouchpointsCsv(db, 'study-1', DEFAULT_CSV_OPTIONS));
    const row = text.split('\r\n').find((line) => line.includes(tp));
    expect(row).toContain(atSave.sha256);
    expect(row).not.toContain(data.evidence[0]!.sha256);
  });
});
