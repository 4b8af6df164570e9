// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  exportArchive,
  importArchive,
  importBackupBlob,
  writeArchive,
} from '../../../../lib/backup/archive';
import { exportBackup } from '../../../../lib/backup/export-db';
import { toBackup } from '../../../../lib/backup';
import { AuditorDb } from '../../../../lib/db';
import type { Touchpoint } from '../../../../lib/model';
import { touchpoint } from '../../export/fixtures';
import { dropDb } from '../../db/test-db';
import { dump, freshDb, seed, wipe } from '../db-fixtures';
import { NOW, sampleData } from '../fixtures';
import { said } from '../said';
import { editEntry, entryOf, unzip } from './zip-edit';

let db: AuditorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

/** Imports an archive and expects it refused at `path` with `message`, nothing written. */
async function expectRefused(file: Blob, path: string, message: RegExp) {
  const before = await dump(db);
  const result = await importArchive(db, file, NOW);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(said(result.error).path).toBe(path);
    expect(said(result.error).message).toMatch(message);
  }
  expect(await dump(db)).toEqual(before);
  expect(await db.staging.count()).toBe(0);
}

/** Replaces line `n` (1-based) of a JSON-lines text with `edit` of its record. */
const editLine =
  (n: number, edit: (record: Record<string, unknown>) => unknown) =>
  (text: string): string =>
    text
      .split('\n')
      .map((line, i) =>
        i === n - 1 ? JSON.stringify(edit(JSON.parse(line) as Record<string, unknown>)) : line,
      )
      .join('\n');

describe('backup archive', () => {
  it('export → wipe → import gives the same tables, screenshots and kept totals back', async () => {
    await seed(db);
    const before = await dump(db);
    const { blob, fileName } = await exportArchive(db, NOW);
    expect(fileName).toMatch(/^touchpoint-auditor_backup_backup_\d{4}-\d\d-\d\d\.tpa\.zip$/);
    const names = [...(await unzip(blob)).keys()].sort();
    expect(names).toEqual([
      'evidence/ev-1.png',
      'evidence/ev-3.jpg',
      'manifest.json',
      ...['audits', 'brands', 'categories', 'evidence', 'rubrics', 'studies', 'touchpoints'].map(
        (t) => `records/${t}.jsonl`,
      ),
    ]);
    expect(JSON.parse(await entryOf(blob, 'manifest.json'))).toEqual({
      format: 'touchpoint-auditor-archive',
      version: 2,
      exportedAt: NOW.toISOString(),
      counts: {
        studies: 2,
        brands: 3,
        rubrics: 2,
        categories: 0,
        audits: 2,
        touchpoints: 3,
        evidence: 2,
      },
    });
    const evidenceLines = (await entryOf(blob, 'records/evidence.jsonl')).trim().split('\n');
    expect(JSON.parse(evidenceLines[0]!)).toMatchObject({ id: 'ev-1', file: 'evidence/ev-1.png' });
    expect(evidenceLines[0]).not.toContain('dataBase64');

    await wipe(db);
    const result = await importArchive(db, blob, NOW);
    expect(result).toMatchObject({ ok: true, value: { summary: { added: 14 } } });
    expect(await dump(db)).toEqual(before);
    expect(await db.staging.count()).toBe(0);
  });

  it('importing the same archive twice changes nothing the second time', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    const before = await dump(db);
    const result = await importArchive(db, blob, NOW);
    expect(result).toMatchObject({ ok: true, value: { summary: { added: 0, updated: 0 } } });
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a bad score naming the file, line and field, and writes nothing', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bad = await editEntry(
      blob,
      'records/touchpoints.jsonl',
      editLine(1, (tp) => ({ ...tp, scores: { speed: 9 } })),
    );
    await expectRefused(bad, 'records/touchpoints.jsonl line 1: scores.speed', /1.*5/);
  });

  it('refuses a line that is no JSON, naming the line', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bad = await editEntry(blob, 'records/audits.jsonl', (text) =>
      text.replace(/\n(?=.)/, '\n{"id": '),
    );
    await expectRefused(bad, 'records/audits.jsonl line 2', /JSON.*line 2/);
  });

  it('refuses a screenshot whose file is missing', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bad = await editEntry(blob, 'evidence/ev-1.png', () => null);
    await expectRefused(bad, 'records/evidence.jsonl line 1: file', /evidence\/ev-1\.png/);
  });

  it('refuses a screenshot whose bytes are no image', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bad = await editEntry(blob, 'evidence/ev-3.jpg', () => '<svg onload="x()"></svg>');
    await expectRefused(bad, 'records/evidence.jsonl line 2: file', /not a JPEG, PNG or WebP/);
  });

  it.each([
    ['a wrong format', { format: 'zip' }, 'manifest.json: format', /not a Touchpoint Auditor/],
    ['a newer version', { version: 3 }, 'manifest.json: version', /newer version/],
    ['a count that does not match', { counts: 'touchpoints=4' }, 'manifest.json: counts', /./],
  ])('refuses a manifest with %s', async (_what, change, path, message) => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bad = await editEntry(blob, 'manifest.json', (text) =>
      JSON.stringify({ ...(JSON.parse(text) as object), ...change }),
    );
    await expectRefused(bad, path, message);
  });

  it('refuses a records file holding fewer lines than the manifest says (cut short)', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bad = await editEntry(blob, 'records/touchpoints.jsonl', (text) =>
      text.split('\n').slice(0, 2).join('\n'),
    );
    await expectRefused(bad, 'records/touchpoints.jsonl', /3.*2/);
  });

  it('refuses a line too long to read rather than holding it in memory', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bad = await editEntry(
      blob,
      'records/brands.jsonl',
      (text) => `{"id":"${'x'.repeat(33 * 1024 * 1024)}"}\n${text}`,
    );
    await expectRefused(bad, 'records/brands.jsonl line 1', /longer than 33,554,432 characters/);
  });

  it('refuses a file that is no ZIP inside, and one with no manifest', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    const cut = new Blob([blob.slice(0, blob.size - 200)]);
    expect(await importArchive(db, cut, NOW)).toMatchObject({
      ok: false,
      error: { code: 'backup.archive.unreadable' },
    });
    const bare = await editEntry(blob, 'manifest.json', () => null);
    expect(await importArchive(db, bare, NOW)).toMatchObject({
      ok: false,
      error: { code: 'backup.archive.missing-file', params: { file: 'manifest.json' } },
    });
  });

  it('tells an archive from backup.json by its bytes; backup.json 1 and 2 still import', async () => {
    await seed(db);
    const archive = await writeArchive(db, NOW);
    const json = (await exportBackup(db, NOW)).blob;
    const before = await dump(db);
    for (const file of [archive, json]) {
      await wipe(db);
      expect(await importBackupBlob(db, file, NOW)).toMatchObject({ ok: true });
      expect(await dump(db)).toEqual(before);
    }
    // A version-1 file: no waves, no categories, audits without wave, purpose or review.
    const v1 = JSON.parse(JSON.stringify(toBackup(sampleData(), NOW))) as Record<string, unknown>;
    v1.version = 1;
    delete v1.categories;
    for (const s of v1.studies as Record<string, unknown>[]) {
      delete s.waves;
      delete s.requireReview;
    }
    for (const a of v1.audits as Record<string, unknown>[]) {
      delete a.wave;
      delete a.purpose;
      delete a.review;
    }
    await wipe(db);
    const result = await importBackupBlob(db, new Blob([JSON.stringify(v1)]), NOW);
    expect(result).toMatchObject({ ok: true });
    expect(await db.touchpoints.count()).toBe(3);
  });
});

describe('backup archive, all or nothing past one transaction', () => {
  /** A study with `n` touchpoints in audit a-own (beyond one staging batch of 2,000). */
  async function bigArchive(n: number): Promise<Blob> {
    const data = sampleData();
    const many: Touchpoint[] = Array.from({ length: n }, (_, i) =>
      touchpoint(`tp-many-${String(i).padStart(5, '0')}`, 'a-own', data.touchpoints[0]!.createdAt, {
        scores: { speed: 1 + (i % 5) },
      }),
    );
    await seed(db, { ...data, touchpoints: [...data.touchpoints, ...many] });
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    await seed(db);
    return blob;
  }

  it('a bad line after a staged batch writes nothing and leaves no staged rows', async () => {
    const blob = await bigArchive(2_500);
    const bad = await editEntry(
      blob,
      'records/touchpoints.jsonl',
      editLine(2_400, (tp) => ({ ...tp, auditId: 'a-gone' })),
    );
    await expectRefused(bad, 'records/touchpoints.jsonl line 2400: auditId', /a-gone/);
  });

  it('a failure half-way through the swap rolls every table back', async () => {
    const blob = await bigArchive(2_500);
    const before = await dump(db);
    // The screenshots come last: by then every touchpoint has been put in the transaction.
    const put = vi.spyOn(db.evidence, 'bulkPut').mockRejectedValueOnce(new Error('disk gone'));
    await expect(importArchive(db, blob, NOW)).rejects.toThrow('disk gone');
    put.mockRestore();
    expect(await dump(db)).toEqual(before);
    expect(await db.staging.count()).toBe(0);
    // And the same archive imports cleanly afterwards.
    expect(await importArchive(db, blob, NOW)).toMatchObject({ ok: true });
    expect(await db.touchpoints.count()).toBe(2_503);
  });

  it('drops what an import closed half-way left behind, once it is a day old', async () => {
    await db.staging.add({
      importId: `${String(NOW.getTime() - 2 * 86_400_000).padStart(15, '0')}-old`,
      table: 'touchpoints',
      record: sampleData().touchpoints[0]!,
    });
    await seed(db);
    const blob = await writeArchive(db, NOW);
    expect(await importArchive(db, blob, NOW)).toMatchObject({ ok: true });
    expect(await db.staging.count()).toBe(0);
  });
});
