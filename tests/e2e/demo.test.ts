import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBackup } from '../../lib/backup';
import type { Anchor } from '../../lib/model';
import { bundleForPage } from '../../scripts/bench/run-in-page';
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

describe('the scripted demo (npm run demo -- --headless)', () => {
  it('tags five touchpoints per shop, page and off-page, each with its evidence where it was on a page', () => {
    const rows = parse(result.files.touchpoints);
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => `${r.brand}|${r.category}|${r.channel}|${r.source}`)).toEqual(
      ['Northwind Running', 'Contoso Sports'].flatMap((brand) => [
        `${brand}|online_ad|web|page`,
        `${brand}|live_chat|chat|page`,
        `${brand}|checkout_step|web|page`,
        `${brand}|order_confirmation|email|page`,
        `${brand}|customer_support|phone|manual`,
      ]),
    );
    for (const r of rows) expect(r.evidence_sha256 !== '').toBe(r.source === 'page');
    expect(rows.find((r) => r.category === 'live_chat')?.selector).toBe('#agent-name');
  });

  it('writes a comparison where the own brand leads overall but trails on the ad', () => {
    const rows = parse(result.files.comparison);
    const overall = rows.filter((r) => r.dimension === 'overall');
    expect(overall.map((r) => [r.brand, r.rank])).toEqual([
      ['Northwind Running', '1'],
      ['Contoso Sports', '2'],
    ]);
    const ad = rows.find(
      (r) => r.dimension === 'category' && r.key === 'online_ad' && r.brand === 'Contoso Sports',
    );
    expect(Number(ad?.delta_vs_own)).toBeGreaterThan(0);
    expect(result.summary.join('\n')).toMatch(/Biggest gap where we trail: Online ad/);
  });

  it('writes a backup that validates and a screenshot of the report', () => {
    const backup = validateBackup(readFileSync(result.files.backup, 'utf8'));
    expect(backup.ok && backup.value.touchpoints.length).toBe(10);
    expect(backup.ok && backup.value.evidence.length).toBe(8);
    expect(statSync(result.files.report).size).toBeGreaterThan(50_000);
  });

  it('meets a changed storefront in wave 2: the rebuilt ad found by its text, the rival’s ad gone, its checkout total changed', async () => {
    const backup = validateBackup(readFileSync(result.files.backup, 'utf8'));
    if (!backup.ok) throw new Error('the demo backup does not validate');
    const relocate = await bundleForPage(resolve('tests/e2e/support/relocate-page.ts'));
    const found: Record<string, unknown> = {};
    for (const tp of backup.value.touchpoints) {
      const shop = tp.url && /^http:\/\/(northwind|contoso)\./.exec(tp.url)?.[1];
      if (!shop || !tp.anchor || tp.anchor.framePath.length > 0) continue;
      const url = new URL(tp.url!);
      url.searchParams.set('wave', '2');
      const page = await ext.context.newPage();
      await page.goto(url.href);
      await page.evaluate(relocate);
      found[`${shop}|${tp.category}`] = await page.evaluate(
        (anchor) =>
          (
            globalThis as unknown as {
              tpaRelocate: (a: Anchor) => { relocatedBy: string; textChanged: boolean };
            }
          ).tpaRelocate(anchor),
        tp.anchor as Anchor,
      );
      await page.close();
    }
    expect(found).toEqual({
      'northwind|online_ad': { relocatedBy: 'text', textChanged: false },
      'northwind|checkout_step': { relocatedBy: 'css', textChanged: false },
      'contoso|online_ad': { relocatedBy: 'none', textChanged: false },
      'contoso|checkout_step': { relocatedBy: 'css', textChanged: true },
    });
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
