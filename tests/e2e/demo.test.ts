import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBackup } from '../../lib/backup';
import { buildTrend, tallyTouchpoints } from '../../lib/report';
import { roundHalfAwayFromZero } from '../../lib/scoring';
import { runScriptedDemo, type DemoResult } from '../../scripts/demo/run';
import { launchWithExtension, type ExtensionSession } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';

let server: FixtureServer;
let ext: ExtensionSession;
let out: string;
let result: DemoResult;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
  out = mkdtempSync(join(tmpdir(), 'tpa-demo-'));
  result = await runScriptedDemo(ext, server, out);
}, 120_000);
afterAll(async () => {
  await ext?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

const parse = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

const BRANDS = ['Northwind Running', 'Contoso Sports'];

describe('the scripted demo (npm run demo -- --headless)', () => {
  it('tags five touchpoints per shop in each of two waves, each with its evidence where it was on a page', () => {
    const rows = parse(result.files.touchpoints);
    expect(rows).toHaveLength(20);
    const first = rows.filter((r) => r.wave === '2026-Q4');
    expect(first.map((r) => `${r.brand}|${r.category}|${r.channel}|${r.source}`)).toEqual(
      BRANDS.flatMap((brand) => [
        `${brand}|online_ad|web|page`,
        `${brand}|live_chat|chat|page`,
        `${brand}|checkout_step|web|page`,
        `${brand}|order_confirmation|email|page`,
        `${brand}|customer_support|phone|manual`,
      ]),
    );
    // The second wave re-audits the same touchpoints, brand by brand.
    const second = rows.filter((r) => r.wave === '2027-Q1');
    for (const brand of BRANDS) {
      const categories = (of: typeof rows) =>
        of
          .filter((r) => r.brand === brand)
          .map((r) => r.category)
          .sort();
      expect(categories(second)).toEqual(categories(first));
    }
    for (const r of rows) expect(r.evidence_sha256 !== '').toBe(r.source === 'page');
    expect(first.find((r) => r.category === 'live_chat')?.selector).toBe('#agent-name');
  });

  it('writes a first wave where the own brand leads overall but trails on the ad', () => {
    const rows = parse(result.files.trend).filter((r) => r.wave === '2026-Q4');
    const overall = rows.filter((r) => r.dimension === 'overall');
    expect(overall.map((r) => [r.brand, r.rank])).toEqual([
      ['Northwind Running', '1'],
      ['Contoso Sports', '2'],
    ]);
    const ad = rows.find(
      (r) => r.dimension === 'category' && r.key === 'online_ad' && r.brand === 'Contoso Sports',
    );
    expect(Number(ad?.delta_vs_own)).toBeGreaterThan(0);
  });

  it('re-audits from the checklist: the rebuilt ad found by its text, the rival’s ad gone, its checkout total changed', () => {
    const backup = validateBackup(readFileSync(result.files.backup, 'utf8'));
    if (!backup.ok) throw new Error('the demo backup does not validate');
    const { audits, touchpoints } = backup.value;
    const wave = (tp: (typeof touchpoints)[number]) =>
      audits.find((a) => a.id === tp.auditId)?.wave;
    const shopOf = (url: string | null) =>
      (url && /^http:\/\/(northwind|contoso)\./.exec(url)?.[1]) || '';
    const found: Record<string, unknown> = {};
    for (const tp of touchpoints.filter((t) => wave(t) === '2027-Q1' && t.source === 'page')) {
      const before = touchpoints.find((t) => t.id === tp.previousId);
      expect(before && wave(before), `${tp.category} re-audits a wave-1 touchpoint`).toBe(
        '2026-Q4',
      );
      const shop = shopOf(before!.url);
      if (shop && before!.anchor?.framePath.length === 0)
        found[`${shop}|${tp.category}`] = {
          relocatedBy: tp.relocatedBy,
          textChanged: tp.textChanged ?? false,
        };
    }
    expect(found).toEqual({
      'northwind|online_ad': { relocatedBy: 'text', textChanged: false },
      'northwind|checkout_step': { relocatedBy: 'css', textChanged: false },
      'contoso|online_ad': { relocatedBy: 'none', textChanged: false },
      'contoso|checkout_step': { relocatedBy: 'css', textChanged: true },
    });
  });

  it("writes trend.csv with each wave's figures and the change since the previous wave, and says each brand's change", () => {
    const backup = validateBackup(readFileSync(result.files.backup, 'utf8'));
    if (!backup.ok) throw new Error('the demo backup does not validate');
    const { audits, touchpoints, brands, rubrics, studies } = backup.value;
    const rubric = rubrics.find(
      (r) => r.id === studies[0]!.rubricId && r.version === studies[0]!.rubricVersion,
    )!;
    const trend = buildTrend(
      studies[0]!.waves.map((w) => ({
        wave: w,
        tally: tallyTouchpoints(
          touchpoints.flatMap((touchpoint) => {
            const audit = audits.find((a) => a.id === touchpoint.auditId);
            return audit?.wave === w && !touchpoint.deleted
              ? [{ brandId: audit.brandId, touchpoint }]
              : [];
          }),
          rubric,
        ),
      })),
      { brands: studies[0]!.brandIds.map((id) => brands.find((b) => b.id === id)!), rubric },
    );
    const file = parse(result.files.trend);
    const round = (x: number | null) => (x === null ? '' : String(roundHalfAwayFromZero(x, 1)));
    for (const { wave, rows } of trend) {
      for (const row of rows.filter((r) => r.dimension === 'overall')) {
        const name = brands.find((b) => b.id === row.brandId)!.name;
        const line = file.find(
          (r) => r.wave === wave && r.dimension === 'overall' && r.brand === name,
        );
        expect([line?.score_pct, line?.delta_vs_prev_wave], `${wave} ${name}`).toEqual([
          round(row.scorePct),
          round(row.deltaVsPrevWave),
        ]);
      }
    }
    expect(
      file.filter(
        (r) => r.wave === '2027-Q1' && r.dimension === 'overall' && r.delta_vs_prev_wave !== '',
      ),
    ).toHaveLength(2);
    for (const brand of BRANDS)
      expect(result.summary.join('\n')).toMatch(
        new RegExp(
          `${brand}: [\\d.]+ % overall in 2027-Q1, [+-][\\d.]+ points since the previous wave`,
        ),
      );
  });

  it('writes a backup that validates and a screenshot of the report', () => {
    const backup = validateBackup(readFileSync(result.files.backup, 'utf8'));
    expect(backup.ok && backup.value.touchpoints.length).toBe(20);
    expect(backup.ok && backup.value.evidence.length).toBe(16);
    expect(statSync(result.files.report).size).toBeGreaterThan(50_000);
  });

  it("shows the trend and the re-audited pairs in the report, the rival's gone ad among them", async () => {
    const page = await ext.openExtensionPage('report.html');
    await page.getByTestId('report-comparison').waitFor();
    expect(await page.getByTestId('report-wave').inputValue()).toBe('2027-Q1');
    await page.getByTestId('report-trend').waitFor();
    const changes = page.locator('[data-testid="report-trend-change"][data-dimension="overall"]');
    expect(await changes.count()).toBe(2);
    const pairs = page.getByTestId('report-pair');
    await expect.poll(() => pairs.count(), { timeout: 10_000 }).toBe(8);
    const drifts = await pairs.evaluateAll((els) =>
      els.map((e) => (e as HTMLElement).dataset.drift),
    );
    expect(drifts).toContain('gone');
    expect(drifts).toContain('text_changed');
    await page.close();
  });

  it('wave 2: the rival shows its service fee from the cart on and its chat answers within 2 s; wave 1 is as it was', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('contoso', '/checkout.html?wave=2'));
    expect(await page.locator('#service-fee-row').isVisible()).toBe(true);
    expect(await page.locator('#summary-total').textContent()).toBe('$131.97');
    await page.goto(server.url('contoso', '/cart.html'));
    expect(await page.locator('#cart-service-fee').textContent()).toBe('$4.99');
    await page.goto(server.url('contoso', '/checkout.html?wave=1'));
    expect(await page.locator('#service-fee-row').isVisible()).toBe(false);
    expect(await page.locator('#summary-total').textContent()).toBe('$126.98');

    await page.goto(server.url('chat', '/widget.html?brand=contoso&wave=2'));
    await page.locator('#chat-input').fill('Do these run small?');
    const sent = Date.now();
    await page.locator('#chat-send').click();
    await page.locator('li.msg-agent').waitFor({ timeout: 5_000 });
    expect(Date.now() - sent).toBeLessThan(2_000);
    await page.close();
  });
});
