// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  exportArchive,
  importArchive,
  importBackupBlob,
  writeArchive,
} from '../../../../lib/backup/archive';
import { exportBackup, readBackup } from '../../../../lib/backup/export-db';
import { interruptedImport } from '../../../../lib/backup/import-marker';
import { queueEverything } from '../../../../lib/sync/queue-all';
import { toBackup } from '../../../../lib/backup';
import { AuditorDb, setSetting } from '../../../../lib/db';
import type { Touchpoint } from '../../../../lib/model';
import { touchpoint } from '../../export/fixtures';
import { dropDb } from '../../db/test-db';
import { dump, freshDb, seed, wipe } from '../db-fixtures';
import { evidence, NOW, sampleData } from '../fixtures';
import { said } from '../said';
import { crc32, entryLimits, readStoredRun } from '../../../../lib/backup/archive/stored-read';
import {
  BlobReader,
  Uint8ArrayWriter,
  ZIP_OPTIONS,
  ZipReader,
  type FileEntry,
} from '../../../../lib/backup/archive/zip';
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
  expect(await db.pendingEvidence.count()).toBe(0);
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

  it('refuses a screenshot whose stored bytes were changed (its CRC-32 no longer matches)', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // The JPEG of ev-3 is stored as it is: flip a byte inside it (past its first marker).
    const jpeg = bytes.findIndex(
      (b, i) => b === 0xff && bytes[i + 1] === 0xd8 && bytes[i + 2] === 0xff,
    );
    expect(jpeg).toBeGreaterThan(0);
    bytes[jpeg + 20] = bytes[jpeg + 20]! ^ 0xff;
    await expectRefused(new Blob([bytes]), 'evidence/ev-3.jpg', /damaged.*CRC/i);
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
    // Zips and reads a 33 MB line: 2.5 s alone, more when the whole suite shares the machine.
  }, 30_000);

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
  /**
   * A study with `n` touchpoints in audit a-own (beyond one staging batch of 2,000), the first
   * `shots` of them with a screenshot; the database is then back to the sample data alone.
   */
  async function bigArchive(n: number, shots = 0): Promise<Blob> {
    const data = sampleData();
    const many: Touchpoint[] = Array.from({ length: n }, (_, i) =>
      touchpoint(`tp-many-${String(i).padStart(5, '0')}`, 'a-own', data.touchpoints[0]!.createdAt, {
        scores: { speed: 1 + (i % 5) },
      }),
    );
    const manyShots = many.slice(0, shots).map((tp, i) => evidence(`ev-many-${i}`, tp.id));
    await seed(db, {
      ...data,
      touchpoints: [...data.touchpoints, ...many],
      evidence: [...data.evidence, ...manyShots],
    });
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
    const blob = await bigArchive(2_500, 120);
    const before = await dump(db);
    // The screenshots' pending rows go last: by then every touchpoint has been put in the
    // transaction, and the screenshots were written ahead of it.
    const live = vi
      .spyOn(db.pendingEvidence, 'bulkDelete')
      .mockRejectedValueOnce(new Error('disk gone'));
    await expect(importArchive(db, blob, NOW)).rejects.toThrow('disk gone');
    live.mockRestore();
    expect(await dump(db)).toEqual(before);
    expect(await db.staging.count()).toBe(0);
    expect(await db.pendingEvidence.count()).toBe(0);
    // And the same archive imports cleanly afterwards.
    expect(await importArchive(db, blob, NOW)).toMatchObject({ ok: true });
    expect(await db.touchpoints.count()).toBe(2_503);
    expect(await db.evidence.count()).toBe(122);
    expect(await db.pendingEvidence.count()).toBe(0);
  });

  it('writes each screenshot once, and queues them for sync only as they become live', async () => {
    const blob = await bigArchive(100, 100);
    await db.syncOutbox.clear();
    const add = vi.spyOn(db.evidence, 'bulkAdd');
    const put = vi.spyOn(db.evidence, 'bulkPut');
    const result = await importArchive(db, blob, NOW);
    const written = [...add.mock.calls, ...put.mock.calls].flatMap(([records]) =>
      records.map((r) => r.id),
    );
    add.mockRestore();
    put.mockRestore();
    // The sample's two screenshots are stored already: kept, not written again.
    expect(written.sort()).toEqual(Array.from({ length: 100 }, (_, i) => `ev-many-${i}`).sort());
    expect(result).toMatchObject({
      ok: true,
      value: { byTable: { evidence: { added: 100, unchanged: 2 } } },
    });
    const queued = await db.syncOutbox.filter((entry) => entry.table === 'evidence').count();
    expect(queued).toBe(100);
  });

  it('a screenshot added to a stored touchpoint waits out of sight until the swap', async () => {
    await seed(db);
    const data = sampleData();
    // tp-2 is stored and has no screenshot: the archive adds one.
    await seed(db, { ...data, evidence: [...data.evidence, evidence('ev-new', 'tp-2')] });
    const blob = await writeArchive(db, NOW);
    await wipe(db);
    await seed(db);
    const before = await dump(db);
    // Readers find tp-2's screenshots by touchpoint: one written ahead would show at once.
    const add = vi.spyOn(db.evidence, 'bulkAdd');
    const live = vi.spyOn(db.pendingEvidence, 'bulkDelete').mockRejectedValueOnce(new Error('x'));
    await expect(importArchive(db, blob, NOW)).rejects.toThrow('x');
    expect(add.mock.calls.flatMap(([records]) => records.map((r) => r.id))).toEqual([]);
    add.mockRestore();
    live.mockRestore();
    expect(await dump(db)).toEqual(before);
    expect(await importArchive(db, blob, NOW)).toMatchObject({ ok: true });
    expect(await db.evidence.where('touchpointId').equals('tp-2').primaryKeys()).toEqual([
      'ev-new',
    ]);
  });

  it('a refusal after screenshots were written ahead deletes them again', async () => {
    const blob = await bigArchive(120, 120);
    // The last line's file is missing: found after two batches of 50 were written (the
    // sample's two screenshots are stored already: 98 written ahead).
    const bad = await editEntry(blob, 'records/evidence.jsonl', (text) => {
      const lines = text.trim().split('\n');
      const last = JSON.parse(lines.pop()!) as Record<string, unknown>;
      return [...lines, JSON.stringify({ ...last, file: 'evidence/gone.png' })].join('\n');
    });
    const written = vi.spyOn(db.evidence, 'bulkAdd');
    await expectRefused(bad, 'records/evidence.jsonl line 122: file', /gone/);
    expect(written.mock.calls.flatMap(([records]) => records).length).toBe(98);
    written.mockRestore();
  });

  it('screenshots an import closed half-way wrote are never seen, and go at the next start', async () => {
    await seed(db);
    const before = await dump(db);
    const importId = `${String(NOW.getTime()).padStart(15, '0')}-cut`;
    const shot = { ...evidence('ev-cut', 'tp-cut'), blob: new Blob([new Uint8Array([1, 2])]) };
    const { dataBase64: _b, ...row } = shot;
    await db.evidence.add(row);
    await db.pendingEvidence.add({ id: 'ev-cut', importId });
    await db.staging.add({ importId, table: 'touchpoints', record: sampleData().touchpoints[0]! });
    await setSetting(db, 'importStarted', { fileName: 'x.tpa.zip', startedAt: NOW.toISOString() });
    // Not in a backup, an archive, nor the first push of sync.
    expect((await readBackup(db, NOW)).evidence.map((e) => e.id)).not.toContain('ev-cut');
    const names = [...(await unzip(await writeArchive(db, NOW))).keys()];
    expect(names).not.toContain('evidence/ev-cut.png');
    await db.syncOutbox.clear();
    await queueEverything(db);
    expect(await db.syncOutbox.get('evidence:ev-cut')).toBeUndefined();
    // The report page starts, no import runs: the notice, and the leftovers are gone.
    expect(await interruptedImport(db, async () => false)).toBeDefined();
    expect(await db.evidence.get('ev-cut')).toBeUndefined();
    expect(await db.pendingEvidence.count()).toBe(0);
    expect(await db.staging.count()).toBe(0);
    const { evidence: after } = await dump(db);
    expect(after).toEqual(before.evidence);
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

describe('stored screenshots read in runs', () => {
  it('reads the screenshots next to each other with one slice, as each entry alone gives them', async () => {
    await seed(db);
    const blob = await writeArchive(db, NOW);
    const zip = new ZipReader(new BlobReader(blob), ZIP_OPTIONS);
    const shots = (await zip.getEntries()).filter(
      (e): e is FileEntry => !e.directory && e.filename.startsWith('evidence/'),
    );
    expect(shots.map((e) => e.filename)).toEqual(['evidence/ev-1.png', 'evidence/ev-3.jpg']);
    const slice = vi.spyOn(blob, 'slice');
    const together = await readStoredRun(blob, shots, entryLimits(shots, blob.size));
    expect(slice).toHaveBeenCalledTimes(1);
    slice.mockRestore();
    for (const [i, entry] of shots.entries()) {
      const alone = await entry.getData(new Uint8ArrayWriter(), ZIP_OPTIONS);
      expect(Buffer.from(together[i]!).equals(Buffer.from(alone))).toBe(true);
    }
    await zip.close();
  });
});

describe('CRC-32 of stored screenshots', () => {
  it('is ZIP’s CRC-32 (the check value of "123456789", and any length)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // Lengths around the four-byte steps give the same as byte by byte.
    const bytes = Uint8Array.from({ length: 11 }, (_, i) => (i * 37 + 5) & 0xff);
    const bitwise = (data: Uint8Array) => {
      let c = -1;
      for (const b of data) {
        c ^= b;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return ~c >>> 0;
    };
    for (let n = 0; n <= bytes.length; n++) {
      expect(crc32(bytes.subarray(0, n))).toBe(bitwise(bytes.subarray(0, n)));
    }
  });
});
