import type { CouchClient } from './couch';
import { allComments, pickWinner, tableOfDocId, type CouchDoc } from './docs';

/**
 * Resolves a document's conflicting revisions by the backup's merge rule, the same way on
 * every replica (docs/SYNC.md#conflicts): the winner is the newest `updatedAt`, a tombstone
 * winning a tie, then the greater revision; a touchpoint keeps every review comment of every
 * revision. When the winner's content is not CouchDB's current revision it is written on top
 * of it; the losing revisions are deleted. Answers the document as it now stands.
 * Evidence never changes, so its conflicts are only deleted.
 */
export async function resolveConflicts(client: CouchClient, doc: CouchDoc): Promise<CouchDoc> {
  const losers = doc._conflicts ?? [];
  if (losers.length === 0) return doc;
  const { _conflicts: _c, ...current } = doc;
  const table = tableOfDocId(doc._id);
  const versions: CouchDoc[] = [current];
  if (table !== 'evidence') {
    for (const rev of losers) {
      const res = await client.request('GET', encodeURIComponent(doc._id), {
        query: { rev, attachments: true },
      });
      if (res.status === 200 && res.body) versions.push(res.body as CouchDoc);
    }
  }
  const winner = pickWinner(versions);
  const comments = table === 'touchpoints' ? allComments(versions) : undefined;
  const sameComments =
    JSON.stringify(comments ?? null) === JSON.stringify(current.comments ?? null) ||
    comments === undefined;
  let result: CouchDoc = current;
  const writes: CouchDoc[] = losers.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true }));
  if (winner !== current || !sameComments) {
    result = { ...winner, _rev: current._rev, ...(comments ? { comments } : {}) };
    writes.unshift(result);
  }
  const res = await client.request('POST', '_bulk_docs', { body: { docs: writes } });
  const first = (Array.isArray(res.body) ? res.body : [])[0] as
    { ok?: boolean; rev?: string } | undefined;
  if (result !== current && first?.rev) result = { ...result, _rev: first.rev };
  return result;
}
