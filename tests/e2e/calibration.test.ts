// A calibration round end to end: the lead picks items and sends the round in a backup; three
// shoppers, each in a profile of their own, score it and send their backups back; the lead
// merges them and the calibration page shows agreement and flags the harsh shopper.
import { afterAll, describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../lib/calibration/alpha';
import type { ExtensionSession } from '../support/browser';
import { importBackup, openProfile } from './support/profiles';
import { download, seedRaw, study } from './support/report-seed';
import { scoreLook } from './support/score-look';

const opened: ExtensionSession[] = [];
afterAll(async () => {
  for (const ext of opened) await ext.close();
});

/** Each shopper's speed and clarity scores for the round's three items. */
// Ana and Ben agree; Cai scores one point lower on every item (so the others sit +0.5 from
// the mean of the rest, at the limit, and Cai −1, beyond it).
const SCORES: Record<string, number[]> = { Ana: [4, 2, 5], Ben: [4, 2, 5], Cai: [3, 1, 4] };

describe('a calibration round in real Chromium', () => {
  it('measures agreement from three shoppers and flags the harsh one', async () => {
    const lead = await openProfile(opened);
    await seedRaw(lead.report);
    const cal = await lead.ext.openExtensionPage(`calibration.html?study=${study.id}`);
    await expect.poll(() => cal.getByTestId('calibration-empty').count()).toBe(1);
    const candidates = cal.getByTestId('calibration-candidate');
    await expect.poll(() => candidates.count()).toBeGreaterThanOrEqual(3);
    // One a line, each saying whose visit it came from.
    const labels = cal.locator('.candidates label');
    expect(await labels.first().innerText()).toMatch(/(Northwind|Contoso) · 2026-Q4 · Ana/);
    const [first, second] = [await labels.nth(0).boundingBox(), await labels.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height - 1);
    for (let i = 0; i < 3; i++) await candidates.nth(i).check();
    await cal.getByTestId('calibration-lead').fill('Lena');
    await cal.getByTestId('calibration-start-round').click();
    await expect.poll(() => cal.getByText('Round started with 3 items.').count()).toBe(1);
    await lead.report.reload();
    const round = await download(lead.report, 'report-export-backup');

    const returned: string[] = [];
    for (const [shopper, values] of Object.entries(SCORES)) {
      const { ext, report } = await openProfile(opened);
      await importBackup(report, { name: 'round.json', text: round.text }, study.name);
      const page = await ext.openExtensionPage(`calibration.html?study=${study.id}`);
      const items = page.getByTestId('calibration-item');
      await expect.poll(() => items.count()).toBe(3);
      // Nobody else has scored yet in this profile: no agreement to see.
      expect(await page.getByTestId('calibration-empty').count()).toBe(1);
      await page.getByTestId('calibration-shopper-name').fill(shopper);
      for (const [i, value] of values.entries()) {
        const item = page.getByTestId('calibration-item').nth(i);
        for (const criterion of ['speed', 'clarity']) {
          await item
            .getByTestId(`calibration-score-${criterion}`)
            .locator(`[data-value="${value}"]`)
            .click();
        }
        // The shopper sees the scores they gave before saving them.
        expect(await scoreLook(item.getByTestId('calibration-score-speed'))).toEqual({
          chosenStandsOut: true,
          helpBelowName: true,
        });
        await item.getByTestId('calibration-save').click();
        await expect.poll(() => item.getByText('Saved.').count()).toBe(1);
      }
      await report.reload();
      returned.push((await download(report, 'report-export-backup')).text);
      await ext.close();
      opened.splice(opened.indexOf(ext), 1);
    }

    for (const [i, text] of returned.entries())
      await importBackup(lead.report, { name: `s${i}.json`, text }, study.name);
    await cal.reload();
    const speedRow = cal.locator('[data-testid="calibration-criterion"][data-key="speed"]');
    await expect.poll(() => speedRow.count()).toBe(1);
    const units = [0, 1, 2].map((i) => Object.values(SCORES).map((v) => v[i]!));
    const alpha = krippendorffAlpha(units, 'ordinal').alpha!;
    expect(await speedRow.getByTestId('calibration-alpha').textContent()).toBe(alpha.toFixed(3));
    expect(await speedRow.getAttribute('data-flagged')).toBe(String(alpha < 0.667));
    const verdicts = await cal
      .getByTestId('calibration-shopper')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('th')?.textContent, (r as HTMLElement).dataset.verdict]),
      );
    expect(verdicts).toEqual([
      ['Ana', 'in-line'],
      ['Ben', 'in-line'],
      ['Cai', 'harsh'],
    ]);

    const file = await download(cal, 'calibration-export');
    const lines = file.text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFstudy,scope,key,label,items,raters,alpha_ordinal,mean_deviation,na_rate',
    );
    const speedLine = lines.find((l) => l.startsWith('Q4 shoes,criterion,speed,'));
    expect(speedLine?.endsWith(`,3,3,${alpha.toFixed(3)},,`)).toBe(true);
    expect(lines).toContain('Q4 shoes,shopper,Cai,Cai,6,3,,-1,0');
    expect(lines).toContain('Q4 shoes,shopper,Ana,Ana,6,3,,0.5,0');
  }, 120_000);
});
