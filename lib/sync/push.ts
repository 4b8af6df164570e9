import type { AuditorDb } from '../db';
import type { OutboxEntry } from '../db/sync-outbox';
import type { CouchClient, CouchResponse } from './couch';
import type { CouchDoc } from './docs';
import { applyDocs } from './apply';
import { resolveConflicts } from './conflicts';
import {
  byTable,
  Owners,
  prepareBatch,
  TABLE_ORDER,
  type Loaded,
  type Prepared,
} from './push-read';
import { readRun } from './read-run';

/**
 * Most documents per `_bulk_docs` request. Small documents go 1,000 a request: each request
 * costs the server (authentication, a write batch) and the profile (a transaction to read, one
 * to record) a fixed amount, which 200 a request made the larger part (docs/SYNC.md#push).
 */
export const PUSH_BATCH = 1000;

/**
 * Most screenshot bytes per `_bulk_docs` request (8 MB once in base64): a batch closes early
 * past it, so a request of full-size screenshots stays a few MB, not hundreds.
 */
export const PUSH_BATCH_BYTES = 6 * 1024 * 1024;

/** What one push did. */
export interface PushOutcome {
  /** Documents the server accepted. */
  pushed: number;
  /** Documents the server refused (kept in `syncRefusals`). */
  refused: number;
  /** Documents the server held a newer revision of: merged here, pushed again if ours won. */
  conflicts: number;
}

/** Outbox entries in push order: a record's references before it, each table in key order. */
async function outboxInOrder(db: AuditorDb): Promise<OutboxEntry[]> {
  const all = await db.syncOutbox.toArray();
  const rank = (e: OutboxEntry) => TABLE_ORDER.indexOf(e.table);
  return all.sort((a, b) => rank(a) - rank(b));
}

/**
 * Removes outbox entries that were not written again since they were read; run inside a
 * transaction over the outbox. Each table's entries of a batch are a run of keys: read as one
 * range, and deleted as one range when nothing else lies in it.
 */
async function settle(db: AuditorDb, entries: readonly OutboxEntry[]): Promise<void> {
  for (const group of byTable(entries)) {
    const run = await readRun(
      db.syncOutbox,
      group.map((e) => e.docId),
    );
    const done = group.filter((e, i) => run.rows[i]?.stamp === e.stamp).map((e) => e.docId);
    if (done.length > 0 && run.inRange === done.length) {
      await db.syncOutbox.where(':id').between(run.lo, run.hi, true, true).delete();
    } else await db.syncOutbox.bulkDelete(done);
  }
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
 * call, so a push always ends. The revisions the server gave are also added to `accepted`
 * (document → revision) when passed, for the pull that follows (`pullChanges`).
 */
export async function pushOutbox(
  db: AuditorDb,
  client: CouchClient,
  now: () => Date,
  batchSize = PUSH_BATCH,
  accepted?: Map<string, string>,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, refused: 0, conflicts: 0 };
  const entries = await outboxInOrder(db);
  const owners = new Owners();
  const prepare = (start: number) =>
    prepareBatch(db, entries.slice(start, start + batchSize), owners, PUSH_BATCH_BYTES);
  /** Records the server's answer to one batch: revisions, refusals, the outbox, conflicts. */
  const record = async (loaded: Loaded[], sent: Promise<CouchResponse>) => {
    const res = await sent;
    const results = (Array.isArray(res.body) ? res.body : []) as BulkResult[];
    const byId = new Map(results.map((r) => [r.id, r]));
    const ok: OutboxEntry[] = [];
    const refused: { entry: OutboxEntry; reason: string }[] = [];
    const conflicted: OutboxEntry[] = [];
    const newRevs: { docId: string; rev: string }[] = [];
    for (const { entry } of loaded) {
      const r = byId.get(entry.docId);
      if (r?.ok || (r?.rev && !r.error)) {
        ok.push(entry);
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
        await db.syncRefusals.bulkDelete(ok.map((e) => e.docId));
      }
      if (refused.length > 0)
        await db.syncRefusals.bulkPut(
          refused.map(({ entry, reason }) => ({
            docId: entry.docId,
            table: entry.table,
            recordId: Array.isArray(entry.key) ? `${entry.key[0]}@${entry.key[1]}` : entry.key,
            reason,
            at,
          })),
        );
      const settled = new Set([...ok, ...refused.map((r) => r.entry)]);
      await settle(
        db,
        loaded.map((l) => l.entry).filter((e) => settled.has(e)),
      );
    });
    for (const { docId, rev } of newRevs) accepted?.set(docId, rev);
    outcome.pushed += ok.length;
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
    for (let start = 0; next;) {
      const { consumed, loaded, gone, docs } = await next;
      start += consumed;
      if (gone.length > 0) await db.transaction('rw', db.syncOutbox, () => settle(db, gone));
      const sent =
        docs.length > 0 ? client.request('POST', '_bulk_docs', { body: { docs } }) : undefined;
      sent?.catch(() => undefined);
      next = start < entries.length ? prepare(start) : null;
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
