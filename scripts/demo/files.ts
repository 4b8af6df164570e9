import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../tests/support/browser';

/** Clicks an export control of the report page and keeps the file it downloads as `name`. */
async function keepDownload(
  page: Page,
  testId: string,
  outDir: string,
  name: string,
): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const target = resolve(outDir, name);
  copyFileSync((await download.path())!, target);
  return target;
}

/** The demo files: the three CSVs and the backup from the report page, and its screenshot. */
export async function writeReportFiles(
  ext: ExtensionSession,
  studyId: string,
  outDir: string,
): Promise<string[]> {
  const page = await ext.openExtensionPage(`report.html?study=${studyId}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('report-comparison').waitFor();
  const files = [
    await keepDownload(page, 'report-export-touchpoints', outDir, 'touchpoints.csv'),
    await keepDownload(page, 'report-export-comparison', outDir, 'comparison.csv'),
    await keepDownload(page, 'report-export-trend', outDir, 'trend.csv'),
    await keepDownload(page, 'report-export-backup', outDir, 'backup.json'),
  ];
  const shot = resolve(outDir, 'report.png');
  await page.screenshot({ path: shot, fullPage: true });
  await page.close();
  return [...files, shot];
}

/** A short summary of comparison.csv: each brand's overall score and the biggest gap. */
export function summarise(comparisonCsv: string): string[] {
  const rows = Papa.parse<Record<string, string>>(comparisonCsv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const lines = rows
    .filter((r) => r.dimension === 'overall')
    .map(
      (r) =>
        `${r.brand} (${r.brand_role}): ${r.score_pct || '–'} % overall, rank ${r.rank || '–'}, ${r.touchpoints} touchpoints, ${r.critical_fails} critical failures`,
    );
  const deltas = rows
    .filter((r) => r.dimension === 'category' && r.delta_vs_own !== '')
    .map((r) => ({ r, delta: Number(r.delta_vs_own) }));
  const trail = deltas.filter((d) => d.delta > 0).sort((a, b) => b.delta - a.delta)[0];
  const lead = deltas.filter((d) => d.delta < 0).sort((a, b) => a.delta - b.delta)[0];
  if (trail)
    lines.push(
      `Biggest gap where we trail: ${trail.r.label} — ${trail.r.brand} leads by ${trail.delta.toFixed(1)} points`,
    );
  if (lead)
    lines.push(
      `Biggest lead: ${lead.r.label} — ahead of ${lead.r.brand} by ${(-lead.delta).toFixed(1)} points`,
    );
  return lines;
}

/** Each brand's overall change since the previous wave, from trend.csv's latest wave. */
export function summariseTrend(trendCsv: string): string[] {
  const rows = Papa.parse<Record<string, string>>(trendCsv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data.filter((r) => r.dimension === 'overall');
  const latest = rows.at(-1)?.wave;
  return rows
    .filter((r) => r.wave === latest && r.delta_vs_prev_wave !== '')
    .map(
      (r) =>
        `${r.brand}: ${r.score_pct} % overall in ${r.wave}, ${Number(r.delta_vs_prev_wave) >= 0 ? '+' : ''}${r.delta_vs_prev_wave} points since the previous wave`,
    );
}
