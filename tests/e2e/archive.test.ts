// The backup archive in real Chromium: exported from the report page, imported into a new
// profile through the same import control as backup.json, and a damaged one refused.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import { checkA11y } from './support/axe';
import { readStore } from './support/extension-db';
import { openProfile } from './support/profiles';
import { seedRaw, study } from './support/report-seed';
import { editEntry } from '../lib/backup/archive/zip-edit';

const opened: ExtensionSession[] = [];
afterAll(async () => {
  for (const ext of opened) await ext.close();
});

/** Clicks a control and returns the bytes and name of the file it downloads. */
async function downloadBytes(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Touchpoints and screenshots as stored, each image hashed from its stored bytes. */
async function stored(page: Page) {
  const touchpoints = await readStore<{ id: string }>(page, 'touchpoints');
  const evidence = await page.evaluate(
    () =>
      new Promise<{ id: string; touchpointId: string; sha256: string; bytes: string }[]>(
        (resolve, reject) => {
          const open = indexedDB.open('touchpoint-auditor');
          open.onsuccess = () => {
            const get = open.result.transaction('evidence').objectStore('evidence').getAll();
            get.onsuccess = async () => {
              const rows = get.result as {
                id: string;
                touchpointId: string;
                sha256: string;
                blob: Blob;
              }[];
              const out = await Promise.all(
                rows.map(async (e) => {
                  const digest = await crypto.subtle.digest('SHA-256', await e.blob.arrayBuffer());
                  const hex = Array.from(new Uint8Array(digest), (b) =>
                    b.toString(16).padStart(2, '0'),
                  ).join('');
                  return { id: e.id, touchpointId: e.touchpointId, sha256: e.sha256, bytes: hex };
                }),
              );
              open.result.close();
              resolve(out);
            };
            get.onerror = () => reject(get.error);
          };
        },
      ),
  );
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { touchpoints: byId(touchpoints), evidence: byId(evidence) };
}

describe('the backup archive', () => {
  it('restores touchpoints and screenshots into a new profile; a damaged one changes nothing', async () => {
    const lead = await openProfile(opened);
    await seedRaw(lead.report);
    await lead.report.reload();
    const archive = await downloadBytes(lead.report, 'report-export-archive');
    expect(archive.name).toMatch(/^touchpoint-auditor_backup_backup_\d{4}-\d\d-\d\d\.tpa\.zip$/);
    expect(archive.bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const before = await stored(lead.report);
    expect(before.evidence).toHaveLength(1);
    expect(before.evidence[0]!.bytes).toBe(before.evidence[0]!.sha256);

    const fresh = await openProfile(opened);
    await fresh.report.getByTestId('report-import-backup').setInputFiles({
      name: archive.name,
      mimeType: 'application/zip',
      buffer: archive.bytes,
    });
    await expect
      .poll(() => fresh.report.getByRole('heading', { name: study.name }).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    expect(await stored(fresh.report)).toEqual(before);
    await expect.poll(() => fresh.report.getByTestId('report-scoreboard-row').count()).toBe(2);

    // One score off the rubric's scale, in the first touchpoint line: refused, nothing written.
    const blob = new Blob([new Uint8Array(archive.bytes)]);
    const damaged = await editEntry(blob, 'records/touchpoints.jsonl', (text) => {
      const lines = text.split('\n');
      const first = JSON.parse(lines[0]!) as Record<string, unknown>;
      lines[0] = JSON.stringify({
        ...first,
        updatedAt: '2026-11-23T00:00:00.000Z',
        scores: { speed: 9 },
      });
      return lines.join('\n');
    });
    await fresh.report.getByTestId('report-import-backup').setInputFiles({
      name: 'damaged.tpa.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(await damaged.arrayBuffer()),
    });
    await expect
      .poll(() => fresh.report.getByTestId('report-files-status').textContent(), {
        timeout: 15_000,
      })
      .toBe(
        'Nothing was imported. At records/touchpoints.jsonl line 1: scores.speed: expected an integer 1–5 or "NA"',
      );
    expect(await stored(fresh.report)).toEqual(before);
    expect(await readStore(fresh.report, 'staging')).toEqual([]);
    expect(await readStore(fresh.report, 'pendingEvidence')).toEqual([]);
    await checkA11y(fresh.report, 'report, archive refused');
  });
});
