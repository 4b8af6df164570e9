import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditorDb } from '../../../lib/db';

/**
 * Every released schema version, as it shipped, with data written the way that version
 * wrote it. Each later version must open these and lose nothing. Add an entry per version.
 */
const RELEASED: {
  version: number;
  stores: Record<string, string>;
  fill: (db: Dexie) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      studies: 'id',
      brands: 'id',
      rubrics: '[id+version], id',
      audits: 'id, studyId, brandId',
      touchpoints: 'id, [auditId+category]',
      evidence: 'id, touchpointId',
      drafts: 'tabKey',
      categories: 'id',
      settings: 'key',
      auditStats: 'auditId',
    },
    fill: async (db) => {
      const at = '2026-11-01T09:00:00.000Z';
      await db.table('studies').add({
        id: 's1',
        name: 'Q4',
        wave: '2026-Q4',
        rubricId: 'default',
        rubricVersion: 1,
        brandIds: ['b1'],
        createdAt: at,
        updatedAt: at,
      });
      await db.table('audits').add({
        id: 'a1',
        studyId: 's1',
        brandId: 'b1',
        shopper: 'Ana',
        scenario: 'buy shoes',
        startedAt: at,
        endedAt: null,
        createdAt: at,
        updatedAt: at,
      });
      await db.table('touchpoints').add({
        id: 't1',
        auditId: 'a1',
        category: 'cart',
        stage: 'purchase',
        channel: 'web',
        source: 'page',
        url: 'http://x/',
        pageTitle: 'X',
        anchor: null,
        scores: { speed: 4 },
        notes: 'ok',
        createdAt: at,
        updatedAt: at,
      });
      await db.table('evidence').add({
        id: 'e1',
        touchpointId: 't1',
        blob: new Blob(['jpeg']),
        mime: 'image/jpeg',
        width: 1,
        height: 1,
        sha256: 'ab',
        capturedAt: at,
        url: null,
      });
    },
  },
  {
    version: 2,
    stores: { studyTallies: 'studyId' },
    fill: async (db) => {
      await db.table('studyTallies').add({
        studyId: 's1',
        rubricId: 'default',
        rubricVersion: 1,
        tally: {},
        updatedAt: '2026-11-22T09:00:00.000Z',
      });
      await db.table('audits').add({
        id: 'a2',
        studyId: 's1',
        brandId: 'b1',
        shopper: 'Ben',
        scenario: 'return shoes',
        startedAt: '2026-11-02T09:00:00.000Z',
        endedAt: '2026-11-02T10:00:00.000Z',
        createdAt: '2026-11-02T09:00:00.000Z',
        updatedAt: '2026-11-02T10:00:00.000Z',
      });
    },
  },
  {
    version: 3,
    stores: {},
    fill: async (db) => {
      // What version 3 holds for the records above, then a record only it can hold.
      await db.table('studies').update('s1', { waves: ['2026-Q4'], requireReview: false });
      await db
        .table('audits')
        .update('a1', { wave: '2026-Q4', purpose: 'audit', review: 'in_progress' });
      await db
        .table('audits')
        .update('a2', { wave: '2026-Q4', purpose: 'audit', review: 'submitted' });
      await db.table('audits').add({
        id: 'a3',
        studyId: 's1',
        brandId: 'b1',
        wave: '2026-Q4',
        purpose: 'calibration',
        review: 'approved',
        reviewedBy: 'Lead',
        reviewedAt: '2026-11-03T10:00:00.000Z',
        shopper: 'Cai',
        scenario: 'calibrate',
        startedAt: '2026-11-03T09:00:00.000Z',
        endedAt: '2026-11-03T09:30:00.000Z',
        createdAt: '2026-11-03T09:00:00.000Z',
        updatedAt: '2026-11-03T10:00:00.000Z',
      });
    },
  },
  {
    version: 4,
    stores: { syncOutbox: 'docId', syncRevs: 'docId', syncRefusals: 'docId' },
    fill: async (db) => {
      // Version 4 queues what it writes for team sync; the queue survives the next upgrade.
      await db.table('syncOutbox').add({
        docId: 'touchpoint:t1',
        table: 'touchpoints',
        key: 't1',
        stamp: 'x',
      });
      await db.table('syncRevs').add({ docId: 'touchpoint:t1', rev: '1-abc' });
    },
  },
  {
    version: 5,
    stores: { staging: '++seq, [importId+table+seq]' },
    // The staging table starts empty; an archive import half-way leaves rows in it.
    fill: async (db) => {
      await db.table('staging').add({
        importId: '001764000000000-abc',
        table: 'touchpoints',
        record: { id: 't9' },
      });
    },
  },
  {
    version: 6,
    stores: { pendingEvidence: 'id, importId' },
    // An archive import half-way lists the screenshots it wrote ahead of its swap.
    fill: async (db) => {
      await db.table('pendingEvidence').add({ id: 'e9', importId: '001764000000000-abc' });
    },
  },
];

/** Kept totals are a cache, rebuilt from the touchpoints: an upgrade may drop them. */
const CACHES = new Set(['studyTallies']);

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('schema upgrades', () => {
  it.each(RELEASED)(
    'opens a version $version database with data in it and loses nothing',
    async ({ version }) => {
      const name = `upgrade-${version}-${crypto.randomUUID()}`;
      // Open the database exactly as that release declared it: all versions up to it.
      const old = new Dexie(name);
      for (const r of RELEASED.filter((x) => x.version <= version))
        old.version(r.version).stores(r.stores);
      for (const r of RELEASED.filter((x) => x.version <= version)) await r.fill(old);
      const before: Record<string, unknown[]> = {};
      const tables = RELEASED.filter((x) => x.version <= version).flatMap((r) =>
        Object.keys(r.stores),
      );
      for (const table of tables) before[table] = await old.table(table).toArray();
      old.close();

      const current = new AuditorDb(name);
      dbs.push(current);
      await current.open();
      expect(current.verno).toBeGreaterThanOrEqual(version);
      for (const [table, rows] of Object.entries(before)) {
        if (CACHES.has(table)) continue;
        const after = await current.table(table).toArray();
        expect(after.length, table).toBe(rows.length);
      }
      // Every study holds its waves; every audit lands in its study's wave.
      expect(await current.studies.get('s1')).toMatchObject({
        wave: '2026-Q4',
        waves: ['2026-Q4'],
        requireReview: false,
      });
      expect(await current.audits.get('a1')).toMatchObject({
        wave: '2026-Q4',
        purpose: 'audit',
        review: 'in_progress',
      });
      if (version >= 2) {
        expect(await current.audits.get('a2')).toMatchObject({
          wave: '2026-Q4',
          purpose: 'audit',
          review: 'submitted',
        });
      }
      if (version >= 3) {
        expect(await current.audits.get('a3')).toMatchObject({
          purpose: 'calibration',
          review: 'approved',
          reviewedBy: 'Lead',
        });
      }
      expect(await current.touchpoints.get('t1')).toMatchObject({
        scores: { speed: 4 },
        notes: 'ok',
      });
    },
  );

  it('lists every version the current schema declares as released here', () => {
    const current = new AuditorDb(`versions-${crypto.randomUUID()}`);
    expect(RELEASED.map((r) => r.version)).toContain(current.verno);
  });
});
