import type { AuditorDb } from '../db';
import { getSetting } from '../db/settings';
import type { CouchClient } from './couch';
import { applyDocs, type Checkpoint } from './apply';
import { resolveConflicts } from './conflicts';
import type { CouchDoc } from './docs';
import type { Problem } from '../result';

/** Changes applied per transaction (and documents per `_all_docs`). */
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

/**
 * The documents of a batch of changes that this profile does not hold yet, ready to apply.
 * The feed comes without documents (`style=all_docs`: every leaf revision of each): design
 * documents, deleted documents and documents whose one leaf is a revision held here (its own
 * pushes coming back, a batch applied twice) are left out without being downloaded; the rest
 * come in one `_all_docs` with their images and conflicts, and a document's conflicting
 * revisions are resolved first (`resolveConflicts`).
 */
async function docsToApply(
  db: AuditorDb,
  client: CouchClient,
  results: ChangesBody['results'],
  justPushed: ReadonlyMap<string, string>,
): Promise<{ docs: CouchDoc[]; held: number }> {
  // Design documents and deletions of whole documents are not records (records are deleted
  // with tombstones; only losing conflict revisions are ever deleted).
  const changed = results.filter((c) => !c.deleted && !c.id.startsWith('_design/'));
  // More than one leaf: conflicting revisions (or deleted former ones), looked at in full.
  const unknown = changed.filter(
    (c) => c.changes.length !== 1 || justPushed.get(c.id) !== c.changes[0]!.rev,
  );
  const known = await db.syncRevs.bulkGet(unknown.map((c) => c.id));
  const fresh = unknown.filter(
    (c, i) => c.changes.length !== 1 || known[i]?.rev !== c.changes[0]!.rev,
  );
  if (fresh.length === 0) return { docs: [], held: changed.length };
  const res = await client.request('POST', '_all_docs', {
    query: { include_docs: true, attachments: true, conflicts: true },
    body: { keys: fresh.map((c) => c.id) },
  });
  const docs: CouchDoc[] = [];
  for (const row of (res.body as AllDocsBody | null)?.rows ?? []) {
    // Deleted since the feed listed it (`doc: null`): nothing to take.
    const d = row.doc;
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

/** Changes per `_changes` request, in units of {@link PULL_BATCH}: the feed carries no documents. */
export const FEED_BATCHES = 5;

/** A batch of changes and the checkpoint to save once it is applied. */
interface Batch {
  results: ChangesBody['results'];
  since: string;
  /** The last batch of its `_changes` answer. */
  last: boolean;
}

/**
 * Reads the feed from `since`, `feedSize` changes a request, and hands it out in batches of
 * `batchSize`, each with the sequence to resume from once it is applied (its last change's).
 */
async function* feedBatches(
  client: CouchClient,
  since: string,
  batchSize: number,
  feedSize: number,
): AsyncGenerator<Batch> {
  for (let from = since; ;) {
    const body = (
      await client.request('GET', '_changes', {
        query: { since: from, limit: feedSize, style: 'all_docs' },
      })
    ).body as ChangesBody;
    const { results } = body;
    const last = String(body.last_seq);
    if (results.length === 0) yield { results, since: last, last: true };
    for (let i = 0; i < results.length; i += batchSize) {
      const part = results.slice(i, i + batchSize);
      const end = i + batchSize >= results.length;
      yield { results: part, since: end ? last : String(part[part.length - 1]!.seq), last: end };
    }
    const more = body.pending !== undefined ? body.pending > 0 : results.length >= feedSize;
    if (!more || results.length === 0) return;
    from = last;
  }
}

/**
 * Pulls what changed on the server since the local checkpoint: `_changes` without documents
 * ({@link FEED_BATCHES} × {@link PULL_BATCH} changes a request), then per batch of
 * {@link PULL_BATCH} leaves out the revisions held here already, fetches the others with
 * their images in one `_all_docs`, resolves a document's conflicting revisions first
 * (`resolveConflicts`), and applies the batch with its checkpoint in one transaction
 * (`applyDocs`) while the next batch is fetched: a pull stopped at any point resumes after
 * the last batch applied, and applying a batch twice changes nothing. `justPushed`
 * (document → revision, from the push just made) spares looking up the revisions of a
 * profile's own pushes as they come back.
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
  const batches = feedBatches(client, outcome.since, batchSize, batchSize * FEED_BATCHES);
  const load = async () => {
    const batch = await batches.next();
    if (batch.done) return null;
    const { docs, held } = await docsToApply(db, client, batch.value.results, justPushed);
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
