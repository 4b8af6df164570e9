// The extension's own pages under their content security policy, and backups built to hurt
// imported through the report page: refused, with the path, and nothing changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIRS, launchWithExtension, type ExtensionSession } from '../support/browser';
import { SVG } from '../fixtures/images';
import { readStore } from './support/extension-db';
import { download, seedRaw, study } from './support/report-seed';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; img-src 'self' blob: data:; " +
  "connect-src http: https:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Opens an extension page with every console error and CSP violation recorded from the start. */
async function openWatched(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await ext.context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return { page, problems };
}

/** Every store's records, evidence images as their byte counts. */
async function snapshot(page: Page): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of ['studies', 'brands', 'rubrics', 'audits', 'touchpoints', 'evidence']) {
    out[store] = (await readStore(page, store)).map((r) => ({ ...r, blob: undefined }));
  }
  return out;
}

describe('the manifest and the pages under it', () => {
  it('asks for no tabs permission and sets the content security policy', () => {
    const manifest = JSON.parse(
      readFileSync(join(EXTENSION_DIRS.e2e, 'manifest.json'), 'utf8'),
    ) as { permissions: string[]; host_permissions: string[]; content_security_policy: unknown };
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.content_security_policy).toEqual({ extension_pages: CSP });
  });

  it.each(['popup.html', 'options.html', 'report.html', 'touchpoints.html'])(
    '%s loads and draws with no console error and no CSP violation',
    async (path) => {
      const { page, problems } = await openWatched(path);
      await expect.poll(() => page.locator('#app *').count()).toBeGreaterThan(0);
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

describe('a hostile backup through the report page', () => {
  let page: Page;
  let problems: string[];
  let backup: Record<string, unknown> & { evidence: Record<string, unknown>[] };

  beforeAll(async () => {
    ({ page, problems } = await openWatched('report.html'));
    // The service worker seeds the rubric on install: wait for it before adding the study.
    await page.getByText('No study to report on yet.').waitFor();
    await seedRaw(page);
    await page.goto(page.url().replace(/report\.html.*$/, `report.html?study=${study.id}`));
    await page.getByTestId('report-scoreboard-row').nth(1).waitFor();
    backup = JSON.parse((await download(page, 'report-export-backup')).text) as typeof backup;
  });
  afterAll(async () => {
    await page?.close();
  });

  const importText = async (name: string, text: string) => {
    await page.getByTestId('report-import-backup').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  };
  const status = () => page.getByTestId('report-files-status').textContent();

  it.each([
    [
      'SVG evidence',
      { mime: 'image/svg+xml', dataBase64: SVG },
      'Nothing was imported. At evidence[0].mime: expected an image type ("image/jpeg", "image/png", "image/webp")',
    ],
    [
      'SVG evidence that says it is a PNG',
      { dataBase64: SVG },
      'Nothing was imported. At evidence[0].dataBase64: not a JPEG, PNG or WebP image (the bytes are SVG)',
    ],
  ])('%s: refused with the path, nothing changes', async (_name, change, message) => {
    const before = await snapshot(page);
    const bad = structuredClone(backup);
    // A newer copy of every record, so an import that went through would change them.
    for (const t of ['studies', 'brands', 'audits', 'touchpoints'] as const) {
      for (const r of bad[t] as Record<string, unknown>[]) {
        Object.assign(r, {
          updatedAt: new Date(Date.now() - 60_000).toISOString(),
          name: 'changed',
          notes: 'changed',
        });
      }
    }
    Object.assign(bad.evidence[0]!, change, { id: 'ev-svg' });
    await importText('bad.json', JSON.stringify(bad));
    await expect.poll(status, { timeout: 15_000 }).toBe(message);
    expect(await snapshot(page)).toEqual(before);
    expect(problems).toEqual([]);
  });

  it('a forged hash: imported through the worker, re-encoded, the hash recomputed and noted', async () => {
    const forged = structuredClone(backup);
    Object.assign(forged.evidence[0]!, { id: 'ev-forged', sha256: 'f'.repeat(64), width: 999 });
    await importText('forged.json', JSON.stringify(forged));
    await expect
      .poll(status, { timeout: 15_000 })
      .toMatch(
        /^Backup imported: 1 added, .* Repaired at evidence\[0\]\.sha256: the file's hash f{12}… does not match its image/,
      );
    const stored = (
      await readStore<{ id: string; sha256: string; width: number; height: number; mime: string }>(
        page,
        'evidence',
      )
    ).find((e) => e.id === 'ev-forged');
    expect(stored).toMatchObject({ mime: 'image/png', width: 3, height: 2 });
    expect(stored!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.sha256).not.toBe('f'.repeat(64));
    expect(problems).toEqual([]);
  });
});
