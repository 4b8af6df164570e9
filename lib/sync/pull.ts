import type { AuditorDb } from '../db';
import { getSetting } from '../db/settings';
import type { CouchClient } from './couch';
import { applyDocs, type Checkpoint } from './apply';
import { resolveConflicts } from './conflicts';
import type { CouchDoc } from './docs';
import type { Problem } from '../result';

/** Changes applied per transaction (and documents fetched per request). */
export const PULL_BATCH = 200;

/** What one pull did. */
export interface PullOutcome {
  /** Documents applied (stored, or found the same here). */
  applied: number;
  /** Documents left out, with why. */
  skipped: Problem[];
  /** The sequence it got to. */
  since: string;
}

interface ChangesBody {
  results: { id: string; seq: string | number; deleted?: boolean; changes: { rev: string }[] }[];
  last_seq: string | number;
  pending?: number;
}

interface AllDocsBody {
  rows?: { id?: string; doc?: CouchDoc | null }[];
}

interface BulkGetBody {
  results?: { id: string; docs?: { ok?: CouchDoc }[] }[];
}

/**
 * The documents of a batch of changes that this profile does not hold yet, ready to apply.
 * The feed comes without documents (`style=all_docs`: every leaf revision of each): design
 * documents, deleted documents and documents whose one leaf is a revision held here (its own
 * pushes coming back, a batch applied twice) are left out without being downloaded; the rest
 * come with their images in one `_bulk_get` (one leaf) and one `_all_docs` with conflicts
 * (several), and a document's conflicting revisions are resolved first (`resolveConflicts`).
 */
async function docsToApply(
  client: CouchClient,
  results: ChangesBody['results'],
  held: ReadonlySet<string>,
): Promise<{ docs: CouchDoc[]; held: number }> {
  // Design documents and deletions of whole documents are not records (records are deleted
  // with tombstones; only losing conflict revisions are ever deleted).
  const changed = results.filter((c) => !c.deleted && !c.id.startsWith('_design/'));
  const fresh = changed.filter((c) => !held.has(c.id));
  if (fresh.length === 0) return { docs: [], held: changed.length };
  // One leaf: that revision, with its image, from `_bulk_get` (cheaper than `_all_docs` with
  // conflicts). Several: the winner and its conflicts from `_all_docs`.
  const single = fresh.filter((c) => c.changes.length === 1);
  const several = fresh.filter((c) => c.changes.length !== 1);
  const [got, full] = await Promise.all([
    single.length === 0
      ? null
      : client.request('POST', '_bulk_get', {
          query: { attachments: true },
          body: { docs: single.map((c) => ({ id: c.id, rev: c.changes[0]!.rev })) },
        }),
    several.length === 0
      ? null
      : client.request('POST', '_all_docs', {
          query: { include_docs: true, attachments: true, conflicts: true },
          body: { keys: several.map((c) => c.id) },
        }),
  ]);
  const byId = new Map<string, CouchDoc>();
  for (const r of (got?.body as BulkGetBody | null)?.results ?? []) {
    const doc = r.docs?.[0]?.ok;
    if (doc) byId.set(doc._id, doc);
  }
  for (const row of (full?.body as AllDocsBody | null)?.rows ?? []) {
    if (row.doc) byId.set(row.doc._id, row.doc);
  }
  const docs: CouchDoc[] = [];
  for (const c of fresh) {
    const d = byId.get(c.id);
    // Gone or deleted since the feed listed it: a later change brings what replaced it.
    if (!d || d._deleted) continue;
    docs.push(d._conflicts?.length ? await resolveConflicts(client, d) : d);
  }
  return { docs, held: changed.length - fresh.length };
}

/** The sequence to resume from for `target` ('0' when the checkpoint is another target's). */
export async function checkpointFor(db: AuditorDb, target: string): Promise<string> {
  const saved = await getSetting(db, 'syncCheckpoint');
  return saved && saved.target === target ? saved.since : '0';
}

/** Changes per `_changes` request, in batches of {@link PULL_BATCH} (it carries no documents). */
export const FEED_BATCHES = 5;

/**
 * The documents of some changes whose one leaf is a revision this profile holds: pushed just
 * now (`justPushed`) or known in `syncRevs`. A document with more than one leaf (conflicting
 * revisions, or deleted former ones) is never held: it is looked at in full.
 */
async function heldOf(
  db: AuditorDb,
  results: ChangesBody['results'],
  justPushed: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const held = new Set<string>();
  const single = results.filter((c) => c.changes.length === 1);
  const unknown = single.filter((c) => {
    if (justPushed.get(c.id) !== c.changes[0]!.rev) return true;
    held.add(c.id);
    return false;
  });
  const known = await db.syncRevs.bulkGet(unknown.map((c) => c.id));
  unknown.forEach((c, i) => {
    if (known[i]?.rev === c.changes[0]!.rev) held.add(c.id);
  });
  return held;
}

/** A batch of changes and the checkpoint to save once it is applied. */
interface Batch {
  results: ChangesBody['results'];
  /** Documents of the batch whose revision this profile holds already (`heldOf`). */
  held: ReadonlySet<string>;
  since: string;
  /** The last batch of its `_changes` answer. */
  last: boolean;
}

/**
 * Reads the feed from `since`, `feedSize` changes a request, and hands it out in batches of
 * `batchSize`, each with the sequence to resume from once it is applied (its last change's).
 */
async function* feedBatches(
  db: AuditorDb,
  client: CouchClient,
  since: string,
  batchSize: number,
  feedSize: number,
  justPushed: ReadonlyMap<string, string>,
): AsyncGenerator<Batch> {
  for (let from = since; ;) {
    const body = (
      await client.request('GET', '_changes', {
        query: { since: from, limit: feedSize, style: 'all_docs' },
      })
    ).body as ChangesBody;
    const { results } = body;
    const last = String(body.last_seq);
    // Looked up once per answer, before its batches are applied: a lookup per batch would
    // wait for the previous batch's write (same store) before its documents could be asked for.
    const held = await heldOf(db, results, justPushed);
    if (results.length === 0) yield { results, held, since: last, last: true };
    for (let i = 0; i < results.length; i += batchSize) {
      const part = results.slice(i, i + batchSize);
      const end = i + batchSize >= results.length;
      yield {
        results: part,
        held,
        since: end ? last : String(part[part.length - 1]!.seq),
        last: end,
      };
    }
    const more = body.pending !== undefined ? body.pending > 0 : results.length >= feedSize;
    if (!more || results.length === 0) return;
    from = last;
  }
}

/**
 * Pulls what changed on the server since the local checkpoint: `_changes` without documents
 * ({@link FEED_BATCHES} × {@link PULL_BATCH} changes a request), then per batch of
 * {@link PULL_BATCH} leaves out the revisions held here already, fetches the others with their
 * images (`_bulk_get`; `_all_docs` for conflicts), resolves a document's conflicting
 * revisions first (`resolveConflicts`), and applies the batch with its checkpoint in one
 * transaction (`applyDocs`) while the next batch is fetched: a pull stopped at any point
 * resumes after the last batch applied, and applying a batch twice changes nothing.
 * `justPushed` (document → revision, from the push just made) spares looking up the revisions
 * of a profile's own pushes as they come back.
 */
export async function pullChanges(
  db: AuditorDb,
  client: CouchClient,
  target: string,
  now: () => Date,
  batchSize = PULL_BATCH,
  justPushed: ReadonlyMap<string, string> = new Map(),
): Promise<PullOutcome> {
  const outcome: PullOutcome = { applied: 0, skipped: [], since: await checkpointFor(db, target) };
  const batches = feedBatches(
    db,
    client,
    outcome.since,
    batchSize,
    batchSize * FEED_BATCHES,
    justPushed,
  );
  const load = async () => {
    const batch = await batches.next();
    if (batch.done) return null;
    const { docs, held } = await docsToApply(client, batch.value.results, batch.value.held);
    return { docs, held, since: batch.value.since, last: batch.value.last };
  };
  let next = load();
  for (;;) {
    const ready = await next;
    if (!ready) break;
    // The next batch is on its way while this one is written (pipelined); if writing fails,
    // its answer is dropped and the pull resumes from the last checkpoint saved.
    next = load();
    next.catch(() => undefined);
    // Nothing to apply (a sender's own pushes coming back): the checkpoint is saved once per
    // `_changes` answer, not per batch; a pull stopped before it reads those changes again.
    if (ready.docs.length === 0 && !ready.last) {
      outcome.applied += ready.held;
      continue;
    }
    const checkpoint: Checkpoint = { target, since: ready.since };
    const applied = await applyDocs(db, ready.docs, now(), checkpoint);
    outcome.applied += applied.applied + ready.held;
    outcome.skipped.push(...applied.skipped);
    outcome.since = ready.since;
  }
  return outcome;
}
