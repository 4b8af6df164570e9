import type { AuditorDb } from '../db';
import { getSetting } from '../db/settings';
import type { CouchClient } from './couch';
import { applyDocs, type Checkpoint } from './apply';
import { resolveConflicts } from './conflicts';
import { tableOfDocId, type CouchDoc } from './docs';
import type { Problem } from '../result';

/** Changes per `_changes` request (and evidence images per `_bulk_get`). */
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
  results: { id: string; seq: string | number; deleted?: boolean; doc?: CouchDoc }[];
  last_seq: string | number;
  pending?: number;
}

/**
 * The documents of a batch of changes that this profile does not hold yet, ready to apply:
 * design documents, deleted documents and revisions it already has (its own pushes coming
 * back, a batch applied twice) are left out; conflicts are resolved first
 * (`resolveConflicts`); evidence images, not in the `_changes` answer, come in one
 * `_bulk_get` for the batch.
 */
async function docsToApply(
  db: AuditorDb,
  client: CouchClient,
  results: ChangesBody['results'],
): Promise<{ docs: CouchDoc[]; held: number }> {
  // Design documents and deletions of whole documents are not records (records are deleted
  // with tombstones; only losing conflict revisions are ever deleted).
  const changed = results
    .map((c) => (c.deleted || c.id.startsWith('_design/') ? undefined : c.doc))
    .filter((d): d is CouchDoc => !!d);
  const known = await db.syncRevs.bulkGet(changed.map((d) => d._id));
  const fresh = changed.filter((d, i) => d._conflicts?.length || known[i]?.rev !== d._rev);
  const wanted = fresh.filter((d) => tableOfDocId(d._id) === 'evidence' && !d._conflicts?.length);
  const withImages = new Map<string, CouchDoc>();
  if (wanted.length > 0) {
    const res = await client.request('POST', '_bulk_get', {
      query: { attachments: true },
      body: { docs: wanted.map((d) => ({ id: d._id, rev: d._rev })) },
    });
    for (const r of (res.body as BulkGetBody | null)?.results ?? []) {
      const doc = r.docs?.[0]?.ok;
      if (doc) withImages.set(doc._id, doc);
    }
  }
  const docs: CouchDoc[] = [];
  for (const d of fresh) {
    if (d._conflicts?.length) docs.push(await resolveConflicts(client, d));
    // An evidence revision gone since (a newer one comes later in the feed) is left for it.
    else if (tableOfDocId(d._id) === 'evidence') {
      const full = withImages.get(d._id);
      if (full) docs.push(full);
    } else docs.push(d);
  }
  return { docs, held: changed.length - fresh.length };
}

interface BulkGetBody {
  results?: { id: string; docs?: { ok?: CouchDoc }[] }[];
}

/** The sequence to resume from for `target` ('0' when the checkpoint is another target's). */
export async function checkpointFor(db: AuditorDb, target: string): Promise<string> {
  const saved = await getSetting(db, 'syncCheckpoint');
  return saved && saved.target === target ? saved.since : '0';
}

/**
 * Pulls what changed on the server since the local checkpoint, `_changes` in batches of
 * {@link PULL_BATCH} with each document, leaves out the revisions held here already, fetches
 * the batch's evidence images in one `_bulk_get`, resolves a document's conflicting
 * revisions first (`resolveConflicts`), and applies each batch with its checkpoint in one
 * transaction (`applyDocs`) while the next batch is fetched: a pull stopped at any point
 * resumes after the last batch applied, and applying a batch twice changes nothing.
 */
export async function pullChanges(
  db: AuditorDb,
  client: CouchClient,
  target: string,
  now: () => Date,
  batchSize = PULL_BATCH,
): Promise<PullOutcome> {
  let since = await checkpointFor(db, target);
  const outcome: PullOutcome = { applied: 0, skipped: [], since };
  const fetchBatch = async (from: string): Promise<ChangesBody> =>
    (
      await client.request('GET', '_changes', {
        query: {
          since: from,
          limit: batchSize,
          include_docs: true,
          conflicts: true,
          style: 'main_only',
        },
      })
    ).body as ChangesBody;
  let next: Promise<ChangesBody> | null = fetchBatch(since);
  while (next) {
    const body: ChangesBody = await next;
    const more = body.pending !== undefined ? body.pending > 0 : body.results.length >= batchSize;
    const checkpoint: Checkpoint = { target, since: String(body.last_seq) };
    // The next batch is on its way while this one is written (pipelined); if writing fails,
    // its answer is dropped and the pull resumes from the last checkpoint saved.
    next = more && body.results.length > 0 ? fetchBatch(checkpoint.since) : null;
    next?.catch(() => undefined);
    const { docs, held } = await docsToApply(db, client, body.results);
    const applied = await applyDocs(db, docs, now(), checkpoint);
    outcome.applied += applied.applied + held;
    outcome.skipped.push(...applied.skipped);
    since = checkpoint.since;
    outcome.since = since;
  }
  return outcome;
}
