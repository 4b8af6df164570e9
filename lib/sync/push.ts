import type { AuditorDb } from '../db';
import { SYNCED_TABLES, type OutboxEntry, type SyncedTable } from '../db/sync-outbox';
import { blobToBase64 } from '../backup/base64';
import type { Audit, Evidence, Touchpoint } from '../model';
import type { CouchClient, CouchResponse } from './couch';
import { toDoc, type CouchDoc } from './docs';
import { applyDocs } from './apply';
import { resolveConflicts } from './conflicts';

/** Documents per `_bulk_docs` request: evidence images make a batch a few MB at most. */
export const PUSH_BATCH = 200;

/** What one push did. */
export interface PushOutcome {
  /** Documents the server accepted. */
  pushed: number;
  /** Documents the server refused (kept in `syncRefusals`). */
  refused: number;
  /** Documents the server held a newer revision of: merged here, pushed again if ours won. */
  conflicts: number;
}

const TABLE_ORDER = Object.keys(SYNCED_TABLES) as SyncedTable[];

/** Outbox entries in push order: a record's references before it. */
async function outboxInOrder(db: AuditorDb): Promise<OutboxEntry[]> {
  const all = await db.syncOutbox.toArray();
  const rank = (e: OutboxEntry) => TABLE_ORDER.indexOf(e.table);
  return all.sort((a, b) => rank(a) - rank(b));
}

/** The shopper each owned record belongs to: audits directly, the rest through their audit. */
async function ownersOf(
  db: AuditorDb,
  records: { table: SyncedTable; record: Record<string, unknown> }[],
): Promise<Map<Record<string, unknown>, string>> {
  const touchpointIds = records
    .filter((r) => r.table === 'evidence')
    .map((r) => (r.record as unknown as Evidence).touchpointId);
  const touchpoints = new Map(
    (await db.touchpoints.bulkGet(touchpointIds))
      .filter((t): t is Touchpoint => !!t)
      .map((t) => [t.id, t]),
  );
  for (const r of records) {
    if (r.table === 'touchpoints') {
      const tp = r.record as unknown as Touchpoint;
      touchpoints.set(tp.id, tp);
    }
  }
  const auditIds = [...touchpoints.values()].map((t) => t.auditId);
  const audits = new Map(
    (await db.audits.bulkGet(auditIds)).filter((a): a is Audit => !!a).map((a) => [a.id, a]),
  );
  const owners = new Map<Record<string, unknown>, string>();
  for (const r of records) {
    let shopper: string | undefined;
    if (r.table === 'audits') shopper = (r.record as unknown as Audit).shopper;
    else if (r.table === 'touchpoints') {
      shopper = audits.get((r.record as unknown as Touchpoint).auditId)?.shopper;
    } else if (r.table === 'evidence') {
      const tp = touchpoints.get((r.record as unknown as Evidence).touchpointId);
      shopper = tp ? audits.get(tp.auditId)?.shopper : undefined;
    }
    if (shopper !== undefined) owners.set(r.record, shopper);
  }
  return owners;
}

/** Removes outbox entries that were not written again since they were read. */
async function settle(db: AuditorDb, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction('rw', db.syncOutbox, async () => {
    const now = await db.syncOutbox.bulkGet(entries.map((e) => e.docId));
    const done = entries.filter((e, i) => now[i]?.stamp === e.stamp).map((e) => e.docId);
    await db.syncOutbox.bulkDelete(done);
  });
}

/** A record read for the push. */
interface Loaded {
  entry: OutboxEntry;
  table: SyncedTable;
  record: Record<string, unknown>;
}

/** A batch ready to send: its records, the entries with nothing to send, the documents. */
interface Prepared {
  loaded: Loaded[];
  gone: OutboxEntry[];
  docs: CouchDoc[];
}

interface BulkResult {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/**
 * Pushes what the outbox lists with `_bulk_docs`, in batches of {@link PUSH_BATCH}, each
 * record as the document `toDoc` makes (evidence with its image attached) on top of the
 * server revision last seen. Per document: accepted → the new revision is kept and the entry
 * settled; refused (`forbidden`/`unauthorized` from `validate_doc_update`) → kept in
 * `syncRefusals` with the server's reason, the local record untouched; conflict (the server
 * has a newer revision) → the server's copy is fetched and merged here by the backup's rule,
 * and the entry stays for the next push when the local copy won. Each entry is tried once per
 * call, so a push always ends.
 */
export async function pushOutbox(
  db: AuditorDb,
  client: CouchClient,
  now: () => Date,
  batchSize = PUSH_BATCH,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, refused: 0, conflicts: 0 };
  const entries = await outboxInOrder(db);
  const prepare = async (start: number): Promise<Prepared> => {
    const batch = entries.slice(start, start + batchSize);
    const loaded: Loaded[] = [];
    const gone: OutboxEntry[] = [];
    for (const table of TABLE_ORDER) {
      const mine = batch.filter((e) => e.table === table);
      if (mine.length === 0) continue;
      const rows = (await db.table(table).bulkGet(mine.map((e) => e.key))) as (
        Record<string, unknown> | undefined
      )[];
      mine.forEach((entry, i) => {
        const record = rows[i];
        // Gone (cleared) or a seeded category: nothing to send.
        if (!record || (table === 'categories' && record.builtin === true)) gone.push(entry);
        else loaded.push({ entry, table, record });
      });
    }
    if (loaded.length === 0) return { loaded, gone, docs: [] };
    const owners = await ownersOf(db, loaded);
    const revs = await db.syncRevs.bulkGet(loaded.map((l) => l.entry.docId));
    const docs = await Promise.all(
      loaded.map(async (l, i) => {
        const image =
          l.table === 'evidence'
            ? {
                mime: String(l.record.mime),
                base64: await blobToBase64((l.record as unknown as Evidence).blob),
              }
            : undefined;
        return toDoc(l.entry.docId, l.record, {
          rev: revs[i]?.rev,
          owner: owners.get(l.record),
          image,
        });
      }),
    );
    return { loaded, gone, docs };
  };
  /** Records the server's answer to one batch: revisions, refusals, the outbox, conflicts. */
  const record = async (loaded: Loaded[], sent: Promise<CouchResponse>) => {
    const res = await sent;
    const results = (Array.isArray(res.body) ? res.body : []) as BulkResult[];
    const byId = new Map(results.map((r) => [r.id, r]));
    const accepted: OutboxEntry[] = [];
    const refused: { entry: OutboxEntry; reason: string }[] = [];
    const conflicted: OutboxEntry[] = [];
    const newRevs: { docId: string; rev: string }[] = [];
    for (const { entry } of loaded) {
      const r = byId.get(entry.docId);
      if (r?.ok || (r?.rev && !r.error)) {
        accepted.push(entry);
        newRevs.push({ docId: entry.docId, rev: r.rev! });
      } else if (r?.error === 'conflict') conflicted.push(entry);
      else if (r?.error === 'forbidden' || r?.error === 'unauthorized') {
        refused.push({ entry, reason: r.reason ?? r.error });
      }
      // Any other answer: the entry stays and is tried again at the next push.
    }
    const at = now().toISOString();
    await db.transaction('rw', [db.syncRevs, db.syncRefusals, db.syncOutbox], async () => {
      await db.syncRevs.bulkPut(newRevs);
      // Usually nothing was refused before: no need to look for each accepted document.
      if ((await db.syncRefusals.count()) > 0) {
        await db.syncRefusals.bulkDelete(accepted.map((e) => e.docId));
      }
      await db.syncRefusals.bulkPut(
        refused.map(({ entry, reason }) => ({
          docId: entry.docId,
          table: entry.table,
          recordId: Array.isArray(entry.key) ? `${entry.key[0]}@${entry.key[1]}` : entry.key,
          reason,
          at,
        })),
      );
      await settle(db, [...accepted, ...refused.map((r) => r.entry)]);
    });
    outcome.pushed += accepted.length;
    outcome.refused += refused.length;
    if (conflicted.length > 0) {
      outcome.conflicts += conflicted.length;
      await mergeServerCopies(
        db,
        client,
        conflicted.map((e) => e.docId),
        now(),
      );
    }
  };

  // Pipelined: while batch k is on its way, batch k + 1 is read and encoded, and it is sent
  // as soon as it is ready; batch k's answer is recorded while k + 1 travels.
  let next: Promise<Prepared> | null = entries.length > 0 ? prepare(0) : null;
  let travelling: Promise<void> | null = null;
  try {
    for (let start = 0; next; start += batchSize) {
      const { loaded, gone, docs } = await next;
      await settle(db, gone);
      const sent =
        docs.length > 0 ? client.request('POST', '_bulk_docs', { body: { docs } }) : undefined;
      sent?.catch(() => undefined);
      next = start + batchSize < entries.length ? prepare(start + batchSize) : null;
      next?.catch(() => undefined);
      if (travelling) await travelling;
      travelling = sent ? record(loaded, sent) : null;
      travelling?.catch(() => undefined);
    }
    if (travelling) await travelling;
  } finally {
    // A failed batch stops the push; wait for what is still running before answering.
    await Promise.allSettled([next, travelling]);
  }
  return outcome;
}

/**
 * Fetches the server's current copies of documents and merges them here (`applyDocs`): the
 * server's wins where it is newer; where ours is, the outbox keeps it for the next push, now
 * on top of the server's revision.
 */
export async function mergeServerCopies(
  db: AuditorDb,
  client: CouchClient,
  docIds: readonly string[],
  now: Date,
): Promise<void> {
  const res = await client.request('POST', '_all_docs', {
    query: { include_docs: true, attachments: true, conflicts: true },
    body: { keys: docIds },
  });
  const rows = ((res.body as { rows?: { doc?: CouchDoc | null }[] } | null)?.rows ?? [])
    .map((r) => r.doc)
    .filter((d): d is CouchDoc => !!d);
  const resolved: CouchDoc[] = [];
  for (const doc of rows) resolved.push(await resolveConflicts(client, doc));
  await applyDocs(db, resolved, now);
}
