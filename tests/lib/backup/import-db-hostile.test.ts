// @vitest-environment node
// Backups built to hurt: each is refused with the path of what is wrong and writes nothing,
// except a forged hash, which is repaired and noted.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../lib/backup';
import type { Reencode } from '../../../lib/capture/reencode';
import { AuditorDb } from '../../../lib/db';
import { readBackup } from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import { HTML, JPEG_3X2, PNG_3X2, SVG } from '../../fixtures/images';
import { evidence, NOW } from './fixtures';
import { dump, expectRefused, freshDb, seed } from './db-fixtures';
import { dropDb } from '../db/test-db';
import { said, saidResult } from './said';

let db: AuditorDb;
let good: Backup;
beforeEach(async () => {
  db = freshDb();
  await seed(db);
  good = structuredClone(await readBackup(db, NOW));
  // A shopper's file: a new touchpoint with a new screenshot, so a good import writes.
  good.touchpoints.push({ ...good.touchpoints[0]!, id: 'tp-new', scores: { speed: 3 } });
  good.evidence.push(evidence('ev-new', 'tp-new'));
});
afterEach(() => dropDb(db));

const text = (change: (b: Backup & Record<string, unknown>) => void): string => {
  const copy = structuredClone(good) as Backup & Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy);
};
const last = (b: Backup) => b.evidence[b.evidence.length - 1]!;
const HUGE = Number.MAX_SAFE_INTEGER;
/** A PNG with a PDF appended after its IEND chunk: what a canvas must re-encode. */
const PNG_WITH_PAYLOAD = Buffer.concat([
  Buffer.from(PNG_3X2, 'base64'),
  Buffer.from('%PDF-1.7 rides along'),
]).toString('base64');

const cases: [string, () => string, string, RegExp][] = [
  [
    'SVG evidence declared as SVG',
    () => text((b) => Object.assign(last(b), { mime: 'image/svg+xml', dataBase64: SVG })),
    'evidence[2].mime',
    /expected an image type/,
  ],
  [
    'SVG evidence declared as PNG',
    () => text((b) => Object.assign(last(b), { dataBase64: SVG })),
    'evidence[2].dataBase64',
    /not a JPEG, PNG or WebP image \(the bytes are SVG\)/,
  ],
  [
    'HTML evidence declared as HTML',
    () => text((b) => Object.assign(last(b), { mime: 'text/html', dataBase64: HTML })),
    'evidence[2].mime',
    /expected an image type/,
  ],
  [
    'HTML evidence declared as JPEG',
    () => text((b) => Object.assign(last(b), { mime: 'image/jpeg', dataBase64: HTML })),
    'evidence[2].dataBase64',
    /the bytes are HTML/,
  ],
  [
    'a rubric scale of ±(2^53 − 1)',
    () => text((b) => (b.rubrics[1]!.scale = { min: -HUGE, max: HUGE })),
    'rubrics[1].scale',
    /within -1,000…1,000 spanning at most 100 steps/,
  ],
  [
    'a touchpoint updated in 9999',
    () => text((b) => (b.touchpoints[3]!.updatedAt = '9999-12-31T00:00:00.000Z')),
    'touchpoints[3].updatedAt',
    /^9999-12-31T00:00:00.000Z is in the future/,
  ],
  [
    'a tombstone from 9999',
    () =>
      text((b) =>
        Object.assign(b.touchpoints[0]!, { deleted: true, updatedAt: '9999-01-01T00:00:00Z' }),
      ),
    'touchpoints[0].updatedAt',
    /is in the future/,
  ],
  [
    'an anchor with a 20,000-level extra field',
    () =>
      text((b) => Object.assign(b.touchpoints[2]!.anchor!, { extra: '__DEEP__' })).replace(
        '"__DEEP__"',
        '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
      ),
    'touchpoints[2].anchor.extra',
    /unknown field/,
  ],
];

describe('a hostile backup is refused with its path and writes nothing', () => {
  it.each(cases)('%s', (_name, file, path, message) => expectRefused(db, file(), path, message));

  it('an image the canvas cannot decode is refused and nothing is written', async () => {
    const before = await dump(db);
    const reencode: Reencode = (_bytes, mime) =>
      mime === 'image/png'
        ? Promise.reject(new Error('decode failed'))
        : Promise.resolve(new Blob([]));
    const file = text((b) => {
      b.evidence.splice(0, 2);
      Object.assign(last(b), evidence('ev-new', 'tp-new', PNG_WITH_PAYLOAD));
    });
    const result = await importBackup(db, file, NOW, undefined, { reencode });
    expect(saidResult(result)).toEqual({
      ok: false,
      error: {
        path: 'evidence[0].dataBase64',
        message: 'the image cannot be decoded (decode failed)',
      },
    });
    expect(await dump(db)).toEqual(before);
  });
});

describe('what an import repairs rather than trusts', () => {
  it('a forged hash, width and height: recomputed from the bytes and noted', async () => {
    const file = text((b) =>
      Object.assign(last(b), { sha256: 'f'.repeat(64), width: 50_000, height: 1 }),
    );
    const result = await importBackup(db, file, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.notes.map(said)).toEqual([
      {
        path: 'evidence[2].sha256',
        message: expect.stringMatching(/does not match its image.*recomputed/),
      },
    ]);
    const stored = await db.evidence.get('ev-new');
    const png = Buffer.from(PNG_3X2, 'base64');
    expect(stored).toMatchObject({
      mime: 'image/png',
      width: 3,
      height: 2,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
  });

  it('a JPEG declared as PNG is stored as what it is', async () => {
    const file = text((b) =>
      Object.assign(last(b), evidence('ev-new', 'tp-new', JPEG_3X2, 'image/png')),
    );
    const result = await importBackup(db, file, NOW);
    expect(result.ok && result.value.notes).toEqual([]);
    expect(await db.evidence.get('ev-new')).toMatchObject({ mime: 'image/jpeg' });
    expect((await db.evidence.get('ev-new'))!.blob.type).toBe('image/jpeg');
  });

  it('stores the re-encoded image with its own hash when it carried bytes past its end', async () => {
    const jpeg = Buffer.from(JPEG_3X2, 'base64');
    const reencode: Reencode = async () => new Blob([jpeg]);
    const file = text((b) =>
      Object.assign(last(b), evidence('ev-new', 'tp-new', PNG_WITH_PAYLOAD)),
    );
    const result = await importBackup(db, file, NOW, undefined, { reencode });
    expect(result.ok && result.value.notes).toEqual([]);
    const stored = (await db.evidence.get('ev-new'))!;
    expect(stored).toMatchObject({
      mime: 'image/jpeg',
      sha256: createHash('sha256').update(jpeg).digest('hex'),
    });
    expect(new Uint8Array(await stored.blob.arrayBuffer())).toEqual(new Uint8Array(jpeg));
  });
});
