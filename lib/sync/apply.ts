import * as v from 'valibot';
import type { AuditorDb } from '../db';
import Dexie from 'dexie';
import { docIdOf, leaveOutOfOutbox, type RecordKey, type SyncedTable } from '../db/sync-outbox';
import { setSetting } from '../db/settings';
import { RECORD_SCHEMAS } from '../backup/schema';
import { checkEvidenceImages } from '../backup/evidence-check';
import { mergeWriteTables, writeMerge } from '../backup/import-db';
import { MAX_CLOCK_SKEW_MS } from '../backup/limits';
import { BACKUP_TABLES, emptyTables, type BackupTables } from '../backup/types';
import type { CheckedImage } from '../backup/image-check';
import { problem, type Problem } from '../result';
import { foreignOwned } from './owners';
import { fromDoc, sameVersion, tableOfDocId, type CouchDoc } from './docs';

/** Where the pull has got to, saved with the records it brought. */
export interface Checkpoint {
  /** The server and database it belongs to (`syncTarget`). */
  target: string;
  /** The `_changes` sequence to resume from. */
  since: string;
}

/** What applying a batch of documents did. */
export interface ApplyOutcome {
  /** Documents whose record was stored or found the same here. */
  applied: number;
  /** Documents left out: not a record, or a record that fails the backup's checks. */
  skipped: Problem[];
}

const keyOf = (table: SyncedTable, r: Record<string, unknown>): RecordKey =>
  table === 'rubrics' ? [String(r.id), Number(r.version)] : String(r.id);

/** Times later than the clock plus the allowed skew would win every merge: refused. */
function fromTheFuture(r: Record<string, unknown>, now: Date): boolean {
  const latest = now.getTime() + MAX_CLOCK_SKEW_MS;
  return ['updatedAt', 'createdAt', 'capturedAt'].some(
    (f) => typeof r[f] === 'string' && Date.parse(r[f] as string) > latest,
  );
}

/**
 * Applies documents from the server through the backup's merge (`writeMerge`: newer
 * `updatedAt` wins, a tombstone wins a tie, comments merge as a set, kept totals follow), in
 * one transaction that also records each document's server revision, keeps the merge's
 * writes of these records out of the outbox (`leaveOutOfOutbox`: they are the server's
 * copies), drops the outbox entry of every record now the same as the server's, keeps one
 * for every record whose local copy won (so it is pushed), and saves `checkpoint` when
 * given; everything is read and written in bulk, once per batch. Each record is checked as a
 * backup's would be; one that fails is left out and listed, the rest still apply. A
 * touchpoint or screenshot that claims an owner other than its audit's shopper is refused
 * and kept in `syncRefusals` for the user to see (`foreignOwned`).
 */
export async function applyDocs(
  db: AuditorDb,
  docs: readonly CouchDoc[],
  now: Date,
  checkpoint?: Checkpoint,
): Promise<ApplyOutcome> {
  // A batch with nothing new (a profile's own pushes coming back) moves the checkpoint only.
  if (docs.length === 0) {
    if (checkpoint) await setSetting(db, 'syncCheckpoint', checkpoint);
    return { applied: 0, skipped: [] };
  }
  const tables = emptyTables();
  const skipped: Problem[] = [];
  const checked: {
    doc: CouchDoc;
    table: SyncedTable;
    record: Record<string, unknown>;
    candidate: unknown;
  }[] = [];
  const builtin = new Set(
    (await db.categories.toArray()).filter((c) => c.builtin).map((c) => c.id),
  );
  for (const doc of docs) {
    const table = tableOfDocId(doc._id);
    if (!table) continue;
    const { record, imageBase64 } = fromDoc(doc);
    const candidate = table === 'evidence' ? { ...record, dataBase64: imageBase64 ?? '' } : record;
    const parsed = v.safeParse(RECORD_SCHEMAS[table], candidate);
    const expectedId = parsed.success ? docIdOf(table, keyOf(table, record)) : '';
    if (!parsed.success || expectedId !== doc._id) {
      const where = parsed.issues?.[0]?.path?.map((p) => String(p.key)).join('.') ?? '_id';
      skipped.push(problem('sync.bad-record', { doc: doc._id, field: where }, doc._id));
      continue;
    }
    if (fromTheFuture(record, now) || (table === 'categories' && builtin.has(String(record.id)))) {
      skipped.push(problem('sync.bad-record', { doc: doc._id, field: 'updatedAt' }, doc._id));
      continue;
    }
    checked.push({ doc, table, record, candidate });
  }
  // A touchpoint or screenshot written into another shopper's audit is refused and kept as
  // a refusal for the user to see (lib/sync/owners.ts).
  const foreign = await foreignOwned(
    db,
    checked.map((a) => ({
      docId: a.doc._id,
      table: a.table,
      record: a.record,
      owner: typeof a.doc.owner === 'string' ? a.doc.owner : undefined,
    })),
  );
  const refusedHere = new Set(foreign.map((f) => f.docId));
  const accepted = checked.filter((a) => !refusedHere.has(a.doc._id));
  for (const a of accepted) (tables[a.table] as unknown[]).push(a.candidate);
  // Images are checked before the transaction (it would not survive the wait), each on its own
  // so a bad image leaves out its own record only, all at once so hashing overlaps.
  const images = new Map<string, CheckedImage>();
  const goodEvidence: BackupTables['evidence'] = [];
  const checks = await Promise.all(tables.evidence.map((e) => checkEvidenceImages([e])));
  for (const [i, checked] of checks.entries()) {
    const e = tables.evidence[i]!;
    if (checked.ok) {
      images.set(e.id, checked.value.images.get(e.id)!);
      goodEvidence.push(e);
    } else {
      const id = docIdOf('evidence', e.id);
      skipped.push(problem('sync.bad-record', { doc: id, field: 'image' }, id));
    }
  }
  tables.evidence = goodEvidence;
  const kept = accepted.filter((a) => a.table !== 'evidence' || images.has(String(a.record.id)));
  await db.transaction(
    'rw',
    [...mergeWriteTables(db), db.syncOutbox, db.syncRevs, db.syncRefusals, db.settings],
    async () => {
      const trans = Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction };
      leaveOutOfOutbox(
        trans.idbtrans,
        kept.map((a) => a.doc._id),
      );
      await writeMerge(db, tables, images, now);
      await db.syncRevs.bulkPut(
        kept.filter((a) => a.doc._rev).map((a) => ({ docId: a.doc._id, rev: a.doc._rev! })),
      );
      // A record now the same as the server's leaves the outbox (a local edit the server's
      // newer copy replaced); one whose local copy won stays or is queued.
      const settled: string[] = [];
      const won: { a: (typeof kept)[number]; key: RecordKey }[] = [];
      for (const table of BACKUP_TABLES) {
        const mine = kept.filter((a) => a.table === table);
        if (mine.length === 0) continue;
        if (table === 'evidence') {
          settled.push(...mine.map((a) => a.doc._id));
          continue;
        }
        const keys = mine.map((a) => keyOf(table, a.record));
        const stored = (await db.table(table).bulkGet(keys)) as (
          Record<string, unknown> | undefined
        )[];
        for (const [i, a] of mine.entries()) {
          const local = stored[i];
          if (local && sameVersion(local, a.record)) settled.push(a.doc._id);
          else if (local) won.push({ a, key: keys[i]! });
        }
      }
      // Most of the time both are empty (a receiving profile): nothing to look up then.
      const [waiting, refusals] = await Promise.all([
        db.syncOutbox.count(),
        db.syncRefusals.count(),
      ]);
      if (waiting > 0) await db.syncOutbox.bulkDelete(settled);
      if (refusals > 0) await db.syncRefusals.bulkDelete(settled);
      const queued = waiting > 0 ? await db.syncOutbox.bulkGet(won.map((w) => w.a.doc._id)) : [];
      // The copy here won and differs from the server's: it is pushed next.
      await db.syncOutbox.bulkPut(
        won
          .filter((_, i) => !queued[i])
          .map(({ a, key }) => ({
            docId: a.doc._id,
            table: a.table,
            key,
            stamp: crypto.randomUUID(),
          })),
      );
      await db.syncRefusals.bulkPut(
        foreign.map(({ docId, owner, shopper }) => ({
          docId,
          table: tableOfDocId(docId)!,
          recordId: docId.slice(docId.indexOf(':') + 1),
          reason: `${owner} is not the shopper of this audit (${shopper})`,
          problem: { code: 'sync.foreign-owner', params: { owner, shopper } },
          at: now.toISOString(),
        })),
      );
      if (checkpoint) await setSetting(db, 'syncCheckpoint', checkpoint);
    },
  );
  return { applied: kept.length, skipped };
}
