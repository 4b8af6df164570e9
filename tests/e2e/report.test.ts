import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparison, scoreboard, tallyTouchpoints } from '../../lib/report';
import { makeDefaultRubric } from '../../lib/rubric';
import { roundHalfAwayFromZero } from '../../lib/scoring';
import { launchWithExtension, type ExtensionSession } from '../support/browser';
import {
  audits,
  brands,
  download,
  PNG_3X2_SHA256,
  seedRaw,
  seedTwoWavesRaw,
  study,
  T,
  touchpoints,
  twoWaves,
  wipeRaw,
} from './support/report-seed';
import { chartTextsCut } from './support/chart-fit';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('the comparison report in real Chromium', () => {
  it('shows the scoreboard, exports both CSV files, and restores a wiped profile from a backup', async () => {
    const page = await ext.openExtensionPage('report.html');
    // The service worker seeds the rubric on install: wait for it before adding the study.
    await expect.poll(() => page.getByText('No study to report on yet.').count()).toBe(1);
    await seedRaw(page);
    await page.goto(page.url().replace(/report\.html.*$/, `report.html?study=${study.id}`));

    const rubric = makeDefaultRubric(T);
    const items = touchpoints.map((touchpoint) => ({
      brandId: audits.find((a) => a.id === touchpoint.auditId)!.brandId,
      touchpoint,
    }));
    const expected = scoreboard(
      buildComparison(tallyTouchpoints(items, rubric), { brands, rubric }),
    ).sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
    const rows = page.getByTestId('report-scoreboard-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(
      await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.brandId)),
    ).toEqual(expected.map((e) => e.brandId));
    const scores = await page.getByTestId('report-scoreboard-score').allTextContents();
    expect(scores).toEqual(
      expected.map((e) => `${roundHalfAwayFromZero(e.overallPct!, 1).toFixed(1)}%`),
    );
    await expect.poll(() => page.getByTestId('report-comparison').isVisible()).toBe(true);
    expect(await page.locator('[data-gap="true"]').count()).toBe(1);

    const comparison = await download(page, 'report-export-comparison');
    expect(comparison.name).toMatch(
      /^touchpoint-auditor_q4-shoes_comparison_2026-q4_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const lines = comparison.text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFstudy,dimension,key,label,brand,brand_role,touchpoints,score_pct,rank,delta_vs_own,critical_fails',
    );
    const best = expected[0]!;
    const bestName = brands.find((b) => b.id === best.brandId)!.name;
    expect(lines).toContain(
      `Q4 shoes,overall,overall,Overall,${bestName},${brands.find((b) => b.id === best.brandId)!.role},${best.touchpoints},${roundHalfAwayFromZero(best.overallPct!, 1)},1,` +
        `${best.brandId === 'b-own' ? '' : roundHalfAwayFromZero(best.overallPct! - expected[1]!.overallPct!, 1)},0`,
    );

    // From the keyboard: the button keeps the focus through the export (it is disabled while
    // the file is made, which dropped the focus to the page's body).
    await page.getByTestId('report-export-comparison').focus();
    await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('report-export-comparison');
    const touchpointsCsv = await download(page, 'report-export-touchpoints');
    const tpLines = touchpointsCsv.text.split('\r\n');
    expect(
      tpLines[0]!.startsWith(
        '\uFEFFstudy,wave,audit_id,brand,brand_role,shopper,scenario,touchpoint_id,',
      ),
    ).toBe(true);
    expect(tpLines[0]!.endsWith(',score_consistency,score_resolution,review_status')).toBe(true);
    expect(tpLines).toHaveLength(touchpoints.length + 1);
    expect(tpLines.find((l) => l.includes(',t1,'))).toContain(`,37.5,false,${PNG_3X2_SHA256},`);

    const backup = await download(page, 'report-export-backup');
    expect(JSON.parse(backup.text)).toMatchObject({
      format: 'touchpoint-auditor-backup',
      version: 2,
    });
    await wipeRaw(page);
    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not found');
    await page.getByTestId('report-import-backup').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    });
    const status = page.getByTestId('report-files-status');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/^Backup imported: \d+ added, 0 updated, 0 unchanged, 0 removed\.$/);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('report-scoreboard-score').allTextContents()).toEqual(scores);

    // Print to PDF: the page's own @page rule makes it landscape, with the charts in it.
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
      'latin1',
    );
    const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
    await page.close();
  });

  it('refuses a bad backup with the path of the first bad value', async () => {
    const page = await ext.openExtensionPage(`report.html?study=${study.id}`);
    await expect.poll(() => page.getByTestId('report-scoreboard-row').count()).toBe(2);
    const bad = {
      format: 'touchpoint-auditor-backup',
      version: 1,
      exportedAt: T,
      studies: [],
      brands: [],
      rubrics: [],
      audits: [],
      touchpoints: [{ ...touchpoints[0]!, id: 'tx', scores: { speed: 9 } }],
      evidence: [],
    };
    await page.getByTestId('report-import-backup').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect
      .poll(() => page.getByTestId('report-files-status').textContent())
      .toBe(
        'Nothing was imported. At touchpoints[0].scores.speed: expected an integer 1–5 or "NA"',
      );
    await page.close();
  });

  it('shows the open wave’s re-audits before and after, by brand, largest change first, in print too', async () => {
    const page = await ext.openExtensionPage(`report.html?study=${study.id}`);
    await expect.poll(() => page.getByTestId('report-scoreboard-row').count()).toBe(2);
    // A one-wave study's report has no before/after.
    expect(await page.getByTestId('report-pairs').count()).toBe(0);
    await seedTwoWavesRaw(page);
    await page.goto(
      page.url().replace(/report\.html.*$/, `report.html?study=${twoWaves.study.id}`),
    );

    const pairs = page.getByTestId('report-pair');
    await expect.poll(() => pairs.count()).toBe(5);
    // The trend's first and last wave named whole at the chart's edges, as every chart text.
    await page.getByTestId('report-trend-chart').waitFor();
    expect(await chartTextsCut(page)).toEqual([]);
    expect(await page.getByTestId('report-pairs').locator('h2').textContent()).toBe(
      'Before and after: 2026-Q4',
    );
    expect(
      await pairs.evaluateAll((els) =>
        els.map((e) => {
          const d = (e as HTMLElement).dataset;
          return [d.afterId, d.drift, d.delta];
        }),
      ),
    ).toEqual([
      ['p-o2b', 'moved', '-37.5'],
      ['p-o1b', 'same', '12.5'],
      ['p-r1b', 'text_changed', '75.0'],
      ['p-r3b', 'same', '50.0'],
      ['p-r2b', 'gone', ''],
    ]);
    expect(await page.getByTestId('report-pairs').locator('h3').allTextContents()).toEqual([
      'Northwind',
      'Contoso',
    ]);
    const fee = pairs.nth(2);
    expect(await fee.getByTestId('report-pair-delta').textContent()).toBe(
      '12.5% → 87.5% (+75.0 pts)',
    );
    await expect.poll(() => fee.getByTestId('report-evidence').count()).toBe(2);
    expect(
      await fee
        .getByRole('row', { name: /Clarity of information/ })
        .locator('td')
        .allTextContents(),
    ).toEqual(['0.0%', '100.0%', '+100.0 pts']);
    expect(await pairs.nth(4).getByTestId('report-pair-drift').textContent()).toBe('gone');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-pairs').isVisible()).toBe(true);
    expect(await fee.getByTestId('report-evidence').first().isVisible()).toBe(true);
    await page.close();
  });
});
