import type { AuditorDb } from '../db';
import { getSetting } from '../db/settings';
import type { CouchClient } from './couch';
import { applyDocs, type Checkpoint } from './apply';
import { resolveConflicts } from './conflicts';
import type { CouchDoc } from './docs';
import type { Problem } from '../result';

/** Changes per `_changes` request; each carries its document and evidence's image inline. */
export const PULL_BATCH = 100;

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

/** The sequence to resume from for `target` ('0' when the checkpoint is another target's). */
export async function checkpointFor(db: AuditorDb, target: string): Promise<string> {
  const saved = await getSetting(db, 'syncCheckpoint');
  return saved && saved.target === target ? saved.since : '0';
}

/**
 * Pulls what changed on the server since the local checkpoint, `_changes` in batches of
 * {@link PULL_BATCH} with each document (and an evidence image inline), resolves a
 * document's conflicting revisions first (`resolveConflicts`), and applies each batch with
 * its checkpoint in one transaction (`applyDocs`): a pull stopped at any point resumes after
 * the last batch applied, and applying a batch twice changes nothing.
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
  for (;;) {
    const res = await client.request('GET', '_changes', {
      query: {
        since,
        limit: batchSize,
        include_docs: true,
        attachments: true,
        conflicts: true,
        style: 'main_only',
      },
    });
    const body = res.body as ChangesBody;
    const docs: CouchDoc[] = [];
    for (const change of body.results) {
      // Design documents and deletions of whole documents are not records (records are
      // deleted with tombstones; only losing conflict revisions are ever deleted).
      if (change.deleted || !change.doc || change.id.startsWith('_design/')) continue;
      docs.push(
        change.doc._conflicts?.length ? await resolveConflicts(client, change.doc) : change.doc,
      );
    }
    const next: Checkpoint = { target, since: String(body.last_seq) };
    const applied = await applyDocs(db, docs, now(), next);
    outcome.applied += applied.applied;
    outcome.skipped.push(...applied.skipped);
    since = next.since;
    outcome.since = since;
    const more = body.pending !== undefined ? body.pending > 0 : body.results.length >= batchSize;
    if (!more || body.results.length === 0) return outcome;
  }
}
