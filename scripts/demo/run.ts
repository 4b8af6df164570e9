import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtensionSession } from '../../tests/support/browser';
import type { FixtureServer } from '../../tests/support/fixture-server';
import { summarise, summariseTrend, writeReportFiles } from './files';
import { auditShop } from './scripted-audit';
import { DEMO_STUDY, setUpStudy } from './setup';
import { openNextWave, reauditShop } from './wave-two';

/** What the scripted demo produced. */
export interface DemoResult {
  files: {
    touchpoints: string;
    comparison: string;
    trend: string;
    backup: string;
    report: string;
    shop: string;
  };
  summary: string[];
  tagged: number;
  seconds: number;
}

/**
 * The scripted demo: sets up the study, audits both shops like a shopper (ad, chat in its
 * iframe, checkout step, confirmation e-mail in webmail, a phone call), opens the next wave and
 * re-audits both shops a quarter later from the popup's checklist, then writes the report files
 * (touchpoints, comparison of the latest wave, trend, backup), a screenshot of the report and
 * one of the shop into `outDir` (emptied first).
 */
export async function runScriptedDemo(
  ext: ExtensionSession,
  server: FixtureServer,
  outDir: string,
): Promise<DemoResult> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const studyId = await setUpStudy(ext);
  const [own, rival] = DEMO_STUDY.brands;
  let tagged = await auditShop(ext, server, 'northwind', own.name);
  tagged += await auditShop(ext, server, 'contoso', rival.name);
  await openNextWave(ext);
  tagged += await reauditShop(ext, server, 'northwind', own.name);
  tagged += await reauditShop(ext, server, 'contoso', rival.name);
  const page = await ext.context.newPage();
  await page.goto(server.url('northwind', '/?popup=0&wave=1'));
  const shop = resolve(outDir, 'demo-shop.png');
  await page.screenshot({ path: shop });
  await page.close();
  const [touchpoints, comparison, trend, backup, report] = await writeReportFiles(
    ext,
    studyId,
    outDir,
  );
  return {
    files: {
      touchpoints: touchpoints!,
      comparison: comparison!,
      trend: trend!,
      backup: backup!,
      report: report!,
      shop,
    },
    summary: [
      ...summarise(readFileSync(comparison!, 'utf8')),
      ...summariseTrend(readFileSync(trend!, 'utf8')),
    ],
    tagged,
    seconds: (Date.now() - started) / 1000,
  };
}
