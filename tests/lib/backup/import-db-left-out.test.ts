// @vitest-environment node
// Backups of an older popup, which let PDF, e-mail and text files in as evidence: the records
// are imported without those files, which are listed; markup still refuses the whole file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../lib/backup';
import { readBackup } from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import { AuditorDb } from '../../../lib/db';
import { HTML, SVG } from '../../fixtures/images';
import { dropDb } from '../db/test-db';
import { expectRefused, freshDb, seed } from './db-fixtures';
import { evidence, NOW } from './fixtures';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const PDF = b64('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const EML = b64('From: shop@example.com\r\nSubject: Your order\r\n\r\nThanks!\r\n');
const TXT = b64('Called the hotline at 10:04, waited 7 minutes.');

let db: AuditorDb;
let good: Backup;
beforeEach(async () => {
  db = freshDb();
  await seed(db);
  good = structuredClone(await readBackup(db, NOW));
  for (const k of [1, 2, 3]) {
    good.touchpoints.push({ ...good.touchpoints[0]!, id: `tp-new-${k}`, scores: { speed: k } });
  }
  good.evidence.push(evidence('ev-new', 'tp-new-1'));
});
afterEach(() => dropDb(db));

/** `good` with an older popup's attachment on each of the new touchpoints. */
function withAttachments(...files: [string, string][]): { text: string; at: string[] } {
  const b = structuredClone(good) as Backup & { evidence: unknown[] };
  const at: string[] = [];
  files.forEach(([mime, data], k) => {
    const touchpointId = `tp-new-${k + 1}`;
    b.evidence.push({ ...evidence(`ev-old-${k}`, touchpointId), mime, dataBase64: data });
    at.push(`touchpoints[${b.touchpoints.findIndex((tp) => tp.id === touchpointId)}]`);
  });
  return { text: JSON.stringify(b), at };
}

describe('an older backup with attachments that are not images', () => {
  it('imports every record, leaves out only those attachments and lists them', async () => {
    const { text, at } = withAttachments(
      ['application/pdf', PDF],
      ['message/rfc822', EML],
      ['text/plain', TXT],
    );
    const result = await importBackup(db, text, NOW);
    expect(result.ok && result.value.leftOut).toEqual([
      { code: 'backup.attachment-left-out', params: { type: 'PDF' }, path: at[0] },
      { code: 'backup.attachment-left-out', params: { type: 'e-mail' }, path: at[1] },
      { code: 'backup.attachment-left-out', params: { type: 'text' }, path: at[2] },
    ]);
    const ids = async (table: 'touchpoints' | 'evidence') =>
      (await db[table].toCollection().primaryKeys()).map(String);
    expect(await ids('touchpoints')).toEqual(
      expect.arrayContaining(['tp-new-1', 'tp-new-2', 'tp-new-3']),
    );
    expect(await ids('evidence')).toContain('ev-new');
    expect((await ids('evidence')).filter((id) => id.startsWith('ev-old'))).toEqual([]);
  });

  it('a clean file leaves nothing out', async () => {
    const result = await importBackup(db, JSON.stringify(good), NOW);
    expect(result.ok && result.value.leftOut).toEqual([]);
  });

  it('is still all or nothing for everything else', async () => {
    const { text } = withAttachments(['application/pdf', PDF]);
    const broken = JSON.parse(text) as Backup;
    broken.touchpoints[1]!.updatedAt = '9999-12-31T00:00:00.000Z';
    await expectRefused(db, JSON.stringify(broken), 'touchpoints[1].updatedAt', /in the future/);
  });

  it.each([
    ['SVG declared as text', SVG, 'evidence[3].mime'],
    ['HTML declared as text', HTML, 'evidence[3].mime'],
  ])('%s still refuses the whole file', async (_name, data, path) => {
    const { text } = withAttachments(['text/plain', data]);
    await expectRefused(db, text, path, /expected an image type/);
  });
});
