// @vitest-environment node
// Team sync against a real CouchDB-protocol server (pouchdb-server, in memory, loopback).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTouchpoint, updateTouchpoint, addTouchpointComment } from '../../../lib/db';
import { importBackup } from '../../../lib/backup/import-db';
import { getSetting } from '../../../lib/db/settings';
import { CouchError, toDoc } from '../../../lib/sync';
import { pullChanges } from '../../../lib/sync/pull';
import { pushOutbox } from '../../../lib/sync/push';
import { Owners, prepareBatch } from '../../../lib/sync/push-read';
import {
  startCouchServer,
  startGate,
  type CouchServer,
  type Gate,
} from '../../support/couch-server';
import { dump, seed } from '../backup/db-fixtures';
import { sampleBackup } from '../backup/fixtures';
import {
  adminBulk,
  createTeam,
  LEAD,
  OTHER_SHOPPER,
  profile,
  serverDoc,
  SHOPPER,
  teamDb,
  turnOn,
  withoutValidation,
} from './helpers';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
  await createTeam(server);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** Every record table and kept total of a profile, as a backup test compares them. */
const records = async (p: { db: Parameters<typeof dump>[0] }) => dump(p.db);

describe('team sync', () => {
  it('brings everything one profile holds to an empty one, totals included, once', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    const first = await lead.round();
    expect(first.push.pushed).toBe(2 + 3 + 2 + 2 + 3 + 2); // studies brands rubrics audits tps evidence
    expect(await lead.db.syncOutbox.count()).toBe(0);
    expect(await serverDoc(server.url, name, 'touchpoint:tp-1')).toMatchObject({
      notes: 'Trải nghiệm tuyệt vời',
      owner: 'Maria dela Cruz',
    });

    const other = await profile(server.url, name, LEAD);
    await other.round();
    expect(await records(other)).toEqual(await records(lead));
    // What it pulled is not sent back.
    expect(await other.db.syncOutbox.count()).toBe(0);
    const again = await other.round();
    expect(again.push.pushed).toBe(0);
    expect(again.pull.applied).toBe(0);
  });

  it('queues every kind of local write in the write’s own transaction', async () => {
    const name = await teamDb(server);
    const shopper = await profile(server.url, name, SHOPPER);
    const backup = sampleBackup();
    const imported = await importBackup(shopper.db, JSON.stringify(backup), new Date(), undefined, {
      reencode: null,
    });
    expect(imported.ok).toBe(true);
    // An import queues each record it wrote; seeded categories are never sent.
    expect(await shopper.db.syncOutbox.count()).toBe(2 + 3 + 2 + 2 + 3 + 2);
    await shopper.db.syncOutbox.clear();
    const tp = await createTouchpoint(
      shopper.db,
      { ...backup.touchpoints[0]!, auditId: 'a-own' },
      new Date(),
    );
    await updateTouchpoint(shopper.db, 'tp-1', { notes: 'changed' }, new Date());
    await shopper.db.studies.toCollection().modify({ name: 'renamed' });
    expect((await shopper.db.syncOutbox.toArray()).map((e) => e.docId).sort()).toEqual(
      [`touchpoint:${tp.id}`, 'touchpoint:tp-1', 'study:study-1', 'study:study-b'].sort(),
    );
  });

  it('resumes a pull stopped mid-way from its checkpoint, losing and duplicating nothing', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    await lead.round();
    const gate: Gate = await startGate(server.url);
    const other = await profile(gate.url, name, LEAD);
    // Pull two changes a batch and cut the connection after the second batch of documents.
    let batches = 0;
    const request = other.client.request.bind(other.client);
    other.client.request = async (method, path, opts) => {
      if ((path === '_bulk_get' || path === '_all_docs') && ++batches === 3) gate.close();
      return request(method, path, opts);
    };
    await expect(
      pullChanges(other.db, other.client, other.target, () => new Date(), 2),
    ).rejects.toThrow(CouchError);
    const saved = await getSetting(other.db, 'syncCheckpoint');
    expect(saved?.since).not.toBe('0');
    const partial = await other.db.touchpoints.count();
    expect(partial).toBeLessThan(3);
    gate.open();
    const rest = await pullChanges(other.db, other.client, other.target, () => new Date(), 2);
    expect(rest.applied).toBeGreaterThan(0);
    expect(await records(other)).toEqual(await records(lead));
    await gate.stop();
  });

  it('says offline when the server cannot be reached, and keeps every local write', async () => {
    const name = await teamDb(server);
    const gate = await startGate(server.url);
    const shopper = await profile(gate.url, name, SHOPPER);
    await seed(shopper.db);
    await turnOn(shopper);
    gate.close();
    await expect(shopper.round()).rejects.toThrow(CouchError);
    expect((await getSetting(shopper.db, 'syncStatus'))?.state).toBe('offline');
    const waiting = await shopper.db.syncOutbox.count();
    expect(waiting).toBeGreaterThan(0);
    gate.open();
    await shopper.round();
    expect(await shopper.db.syncOutbox.count()).toBe(0);
    expect((await getSetting(shopper.db, 'syncStatus'))?.state).toBe('ok');
    await gate.stop();
  });

  it('says unauthorized for a wrong password', async () => {
    const name = await teamDb(server);
    const intruder = await profile(server.url, name, { user: LEAD.user, password: 'wrong' });
    await expect(intruder.round()).rejects.toThrow(CouchError);
    expect((await getSetting(intruder.db, 'syncStatus'))?.state).toBe('unauthorized');
  });

  it('makes two profiles that edited one touchpoint offline agree on the newer edit', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    await lead.round();
    const shopper = await profile(server.url, name, SHOPPER);
    await shopper.round();
    // Both edit tp-1 while apart: the lead first, the shopper a minute later.
    await updateTouchpoint(lead.db, 'tp-1', { notes: 'lead' }, new Date('2026-11-23T09:00:00Z'));
    await updateTouchpoint(
      shopper.db,
      'tp-1',
      { notes: 'shopper' },
      new Date('2026-11-23T09:01:00Z'),
    );
    // The shopper's newer edit wins whoever reaches the server first.
    await lead.round();
    const s = await shopper.round();
    expect(s.push.conflicts).toBe(1);
    await lead.round();
    expect((await lead.db.touchpoints.get('tp-1'))?.notes).toBe('shopper');
    expect((await shopper.db.touchpoints.get('tp-1'))?.notes).toBe('shopper');
    expect(await serverDoc(server.url, name, 'touchpoint:tp-1')).toMatchObject({
      notes: 'shopper',
    });
    // An older edit pushed late loses to what the server has.
    await updateTouchpoint(lead.db, 'tp-1', { notes: 'late' }, new Date('2026-11-23T10:00:00Z'));
    await updateTouchpoint(
      shopper.db,
      'tp-1',
      { notes: 'early' },
      new Date('2026-11-23T09:30:00Z'),
    );
    await lead.round();
    await shopper.round();
    await lead.round();
    expect((await shopper.db.touchpoints.get('tp-1'))?.notes).toBe('late');
    expect(await records(shopper)).toEqual(await records(lead));
  });

  it('resolves conflicting revisions on the server by the merge rule and deletes the losers', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    await lead.round();
    const doc = await serverDoc(server.url, name, 'touchpoint:tp-1');
    const rev = String(doc._rev);
    // Two replicas wrote on the same revision (as a CouchDB cluster or replication can).
    const branch = (hash: string, notes: string, updatedAt: string, extra = {}) => ({
      ...doc,
      ...extra,
      notes,
      updatedAt,
      _rev: `2-${hash}`,
      _revisions: { start: 2, ids: [hash, rev.slice(2)] },
    });
    // pouchdb-server's validation drops replicated revisions (docs/SYNC.md#test-server), so
    // the design document is lifted while they are written, as a replication into CouchDB would.
    const written = await withoutValidation(server.url, name, () =>
      adminBulk(server.url, name, {
        new_edits: false,
        docs: [
          branch('a'.repeat(32), 'newer', '2026-11-23T11:00:00.000Z'),
          branch('f'.repeat(32), 'older', '2026-11-23T10:00:00.000Z', {
            comments: [{ id: 'c1', at: '2026-11-23T10:00:00.000Z', by: 'Lea', text: 'why?' }],
          }),
        ],
      }),
    );
    expect(written).toEqual([]);
    const other = await profile(server.url, name, LEAD);
    await other.round();
    const tp = await other.db.touchpoints.get('tp-1');
    expect(tp?.notes).toBe('newer');
    expect(tp?.comments?.map((c) => c.text)).toEqual(['why?']);
    const after = await serverDoc(server.url, name, 'touchpoint:tp-1', '?conflicts=true');
    expect(after._conflicts).toBeUndefined();
    expect(after).toMatchObject({ notes: 'newer' });
    await lead.round();
    expect(await records(lead)).toEqual(await records(other));
  });
  it('keeps a write made while its batch is on the way queued, and sends it next', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    const request = lead.client.request.bind(lead.client);
    let edited = false;
    lead.client.request = async (method, path, opts) => {
      if (path === '_bulk_docs' && !edited) {
        edited = true;
        await updateTouchpoint(lead.db, 'tp-1', { notes: 'edited mid-push' }, new Date());
      }
      return request(method, path, opts);
    };
    await pushOutbox(lead.db, lead.client, () => new Date());
    expect(await lead.db.syncOutbox.toCollection().primaryKeys()).toEqual(['touchpoint:tp-1']);
    expect(await serverDoc(server.url, name, 'touchpoint:tp-1')).not.toMatchObject({
      notes: 'edited mid-push',
    });
    await pushOutbox(lead.db, lead.client, () => new Date());
    expect(await lead.db.syncOutbox.count()).toBe(0);
    expect(await serverDoc(server.url, name, 'touchpoint:tp-1')).toMatchObject({
      notes: 'edited mid-push',
    });
  });

  it('does not download its own pushes when they come back in the pull', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    const after: { path: string; body: unknown }[] = [];
    let pushed = false;
    const request = lead.client.request.bind(lead.client);
    lead.client.request = async (method, path, opts) => {
      const res = await request(method, path, opts);
      if (pushed) after.push({ path, body: res.body });
      if (path === '_bulk_docs') pushed = true;
      return res;
    };
    const round = await lead.round();
    expect(round.push.pushed).toBeGreaterThan(0);
    expect(round.pull.applied).toBe(round.push.pushed);
    // After the push: the feed only, and no document in it.
    expect(after.map((r) => r.path)).toEqual(after.map(() => '_changes'));
    const changes = after.flatMap((r) => (r.body as { results: object[] }).results);
    expect(changes.length).toBe(round.push.pushed);
    expect(changes.filter((c) => 'doc' in c)).toEqual([]);
  });

  it.each([
    [1, 1],
    [Number.MAX_SAFE_INTEGER, 2],
  ])(
    'closes a batch of screenshots once their bytes pass %i (screenshots in the first batch: %i)',
    async (maxBytes, shots) => {
      const lead = await profile(server.url, await teamDb(server), LEAD);
      await seed(lead.db);
      await turnOn(lead);
      const evidence = (await lead.db.syncOutbox.toArray()).filter((e) => e.table === 'evidence');
      expect(evidence).toHaveLength(2);
      const batch = await prepareBatch(lead.db, evidence, new Owners(), maxBytes);
      expect(batch.consumed).toBe(shots);
      expect(batch.docs.map((d) => Object.keys(d._attachments ?? {}))).toEqual(
        Array.from({ length: shots }, () => ['image']),
      );
    },
  );

  it('fills each batch of full-size screenshots up to its bytes, reading them a few at a time', async () => {
    const lead = await profile(server.url, await teamDb(server), LEAD);
    await seed(lead.db);
    const tp = (await lead.db.touchpoints.toArray())[0]!;
    const model = (await lead.db.evidence.toArray())[0]!;
    // 130 more screenshots of 1,000 to 2,290 bytes (the sizes a batch's reads must adapt to).
    const sizeOf = new Map<string, number>();
    await lead.db.evidence.bulkPut(
      Array.from({ length: 130 }, (_, i) => {
        const id = `shot-${String(i).padStart(3, '0')}`;
        sizeOf.set(`evidence:${id}`, 1000 + i * 10);
        return {
          ...model,
          id,
          touchpointId: tp.id,
          blob: new Blob([new Uint8Array(1000 + i * 10)]),
        };
      }),
    );
    for (const e of await lead.db.evidence.toArray()) sizeOf.set(`evidence:${e.id}`, e.blob.size);
    await turnOn(lead);
    const entries = (await lead.db.syncOutbox.toArray()).filter((e) => e.table === 'evidence');
    expect(entries).toHaveLength(132);
    const maxBytes = 60_500;
    const sent: string[] = [];
    for (let start = 0; start < entries.length;) {
      const batch = await prepareBatch(lead.db, entries.slice(start), new Owners(), maxBytes);
      const ids = batch.docs.map((d) => d._id);
      const bytes = ids.reduce((sum, id) => sum + sizeOf.get(id)!, 0);
      // As many as fit, in the outbox's order: the next one would not have.
      expect(bytes).toBeLessThanOrEqual(maxBytes);
      const next = entries[start + batch.consumed];
      if (next) expect(bytes + sizeOf.get(next.docId)!).toBeGreaterThan(maxBytes);
      sent.push(...ids);
      start += batch.consumed;
    }
    expect(sent).toEqual(entries.map((e) => e.docId));
  });

  it('does not offer the server what a profile got from a backup before sync', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    await lead.round();
    // The shopper imported the lead's backup earlier: same records, same versions, no revisions.
    const shopper = await profile(server.url, name, SHOPPER);
    await seed(shopper.db);
    await turnOn(shopper);
    const first = await shopper.round();
    expect(first.push).toEqual({ pushed: 0, refused: 0, conflicts: 0 });
    expect(await shopper.db.syncRefusals.count()).toBe(0);
    expect(await shopper.db.syncOutbox.count()).toBe(0);
  });
});

describe('roles the server enforces', () => {
  it('lets a shopper write their own audit and refuses their study edit, keeping it here', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    await lead.round();
    const shopper = await profile(server.url, name, SHOPPER);
    await shopper.round();
    await updateTouchpoint(shopper.db, 'tp-1', { notes: 'mine' }, new Date());
    await shopper.db.studies.update('study-1', {
      name: 'hijacked',
      updatedAt: new Date().toISOString(),
    });
    const round = await shopper.round();
    expect(round.push).toMatchObject({ pushed: 1, refused: 1 });
    const refusals = await shopper.db.syncRefusals.toArray();
    expect(refusals).toEqual([
      expect.objectContaining({
        docId: 'study:study-1',
        table: 'studies',
        recordId: 'study-1',
        reason: expect.stringMatching(/shopper may not change a study/),
      }),
    ]);
    expect((await shopper.db.studies.get('study-1'))?.name).toBe('hijacked');
    expect(await serverDoc(server.url, name, 'study:study-1')).toMatchObject({
      name: study0(lead),
    });
    await lead.round();
    expect((await lead.db.touchpoints.get('tp-1'))?.notes).toBe('mine');
  });

  it('refuses on pull a touchpoint a shopper wrote into another shopper’s audit', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    await lead.round();
    // Bob names himself owner of a touchpoint in Maria's audit: the server's validation sees
    // one document at a time and lets it through (docs/SYNC.md#roles).
    const tp = (await lead.db.touchpoints.get('tp-1'))!;
    const bob = await profile(server.url, name, OTHER_SHOPPER);
    const forged = toDoc(
      'touchpoint:tp-forged',
      { ...tp, id: 'tp-forged', notes: 'planted' },
      {
        owner: OTHER_SHOPPER.user,
      },
    );
    const res = await bob.client.request('POST', '_bulk_docs', { body: { docs: [forged] } });
    expect(res.body).toEqual([expect.objectContaining({ id: 'touchpoint:tp-forged', ok: true })]);

    const before = await lead.db.auditStats.get('a-own');
    await lead.round();
    expect(await lead.db.touchpoints.get('tp-forged')).toBeUndefined();
    expect(await lead.db.auditStats.get('a-own')).toEqual(before);
    expect(await lead.db.syncRefusals.toArray()).toEqual([
      expect.objectContaining({
        docId: 'touchpoint:tp-forged',
        table: 'touchpoints',
        recordId: 'tp-forged',
        problem: {
          code: 'sync.foreign-owner',
          params: { owner: OTHER_SHOPPER.user, shopper: SHOPPER.user },
        },
      }),
    ]);
    // A profile that has not pulled the audit yet gets both in one pull: refused there too.
    const maria = await profile(server.url, name, SHOPPER);
    await maria.round();
    expect(await maria.db.touchpoints.get('tp-forged')).toBeUndefined();
    expect((await maria.db.touchpoints.get('tp-1'))?.notes).toBe(tp.notes);
    expect((await maria.db.syncRefusals.toArray()).map((r) => r.docId)).toEqual([
      'touchpoint:tp-forged',
    ]);
  });

  it('refuses another shopper’s audit, and a shopper’s approval or comment', async () => {
    const name = await teamDb(server);
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db);
    await turnOn(lead);
    await lead.round();
    const bob = await profile(server.url, name, OTHER_SHOPPER);
    await bob.round();
    await updateTouchpoint(bob.db, 'tp-1', { notes: 'not mine' }, new Date());
    expect((await bob.round()).push.refused).toBe(1);
    const maria = await profile(server.url, name, SHOPPER);
    await maria.round();
    await maria.db.audits.update('a-own', {
      review: 'approved',
      updatedAt: new Date().toISOString(),
    });
    await addTouchpointComment(maria.db, 'tp-1', { by: 'Maria', text: 'self-review' }, new Date());
    const r = await maria.round();
    expect(r.push.refused).toBe(2);
    expect((await maria.db.syncRefusals.toArray()).map((x) => x.reason)).toEqual([
      expect.stringMatching(/Only a lead may return, approve or reopen/),
      expect.stringMatching(/Only a lead may comment/),
    ]);
  });

  it('carries the lead’s return and comment to the shopper', async () => {
    const name = await teamDb(server);
    const maria = await profile(server.url, name, SHOPPER);
    await seed(maria.db);
    // Seeded by the shopper: their audits go up; the study and brands are refused (a lead's).
    await turnOn(maria);
    await maria.round();
    const lead = await profile(server.url, name, LEAD);
    await seed(lead.db); // the lead set the study up
    await turnOn(lead);
    await lead.round();
    await addTouchpointComment(lead.db, 'tp-1', { by: 'Lea', text: 'crop tighter' }, new Date());
    await lead.db.audits.update('a-own', {
      review: 'returned',
      reviewedBy: 'Lea',
      reviewedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    await lead.round();
    await maria.round();
    expect((await maria.db.audits.get('a-own'))?.review).toBe('returned');
    expect((await maria.db.touchpoints.get('tp-1'))?.comments?.map((c) => c.text)).toEqual([
      'crop tighter',
    ]);
    // The shopper keeps the comment when they edit the touchpoint again: accepted.
    await updateTouchpoint(maria.db, 'tp-1', { notes: 'fixed' }, new Date());
    expect((await maria.round()).push.refused).toBe(0);
  });
});

function study0(_p: unknown): string {
  return sampleBackup().studies[0]!.name;
}
