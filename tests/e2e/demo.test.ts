import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBackup } from '../../lib/backup';
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
});
