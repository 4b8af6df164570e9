import type { AuditorDb, SyncStatus } from '../db';
import { getSetting, setSetting } from '../db/settings';
import { CouchError, type CouchClient } from './couch';
import { checkpointFor, PULL_BATCH, pullChanges, type PullOutcome } from './pull';
import { PUSH_BATCH, pushOutbox, type PushOutcome } from './push';

/** What one round did. */
export interface RoundOutcome {
  push: PushOutcome;
  pull: PullOutcome;
}

/** Longest wait between attempts while the server cannot be reached. */
export const MAX_BACKOFF_MS = 60_000;

/** The wait before attempt `n + 1` after `n` failed ones: 2 s, 4 s, 8 s… up to a minute. */
export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(1, failures));
}

/** Writes the sync status the popup and the options show. */
export async function writeStatus(
  db: AuditorDb,
  status: Omit<SyncStatus, 'lastSyncedAt'> & { lastSyncedAt?: string | null },
): Promise<void> {
  const before = await getSetting(db, 'syncStatus');
  await setSetting(db, 'syncStatus', {
    ...status,
    lastSyncedAt:
      status.lastSyncedAt === undefined ? (before?.lastSyncedAt ?? null) : status.lastSyncedAt,
  });
}

/**
 * One sync round: push the outbox, then pull what changed, then push again what the pull
 * left to push (records whose local copy won a conflict); the first round with a server pulls
 * before it pushes. Writes the status: `ok` with the
 * time, or why it stopped (offline, unauthorized…). Unexpected failures are thrown.
 */
export async function syncRound(
  db: AuditorDb,
  client: CouchClient,
  target: string,
  now: () => Date,
): Promise<RoundOutcome> {
  try {
    // A first round with this server pulls first: what the profile already holds in the same
    // version (from backups exchanged before sync) is then known and not sent again, so a
    // shopper's copy of the lead's study is never offered to the server as their own edit.
    const fresh = (await checkpointFor(db, target)) === '0';
    const first = fresh ? await pullChanges(db, client, target, now) : undefined;
    // What the push leaves on the server comes back in the pull: known without a look-up.
    const justPushed = new Map<string, string>();
    const push = await pushOutbox(db, client, now, PUSH_BATCH, justPushed);
    const pull = await pullChanges(db, client, target, now, PULL_BATCH, justPushed);
    if (first) {
      pull.applied += first.applied;
      pull.skipped.unshift(...first.skipped);
    }
    if (push.conflicts > 0 || (await db.syncOutbox.count()) > 0) {
      const again = await pushOutbox(db, client, now);
      push.pushed += again.pushed;
      push.refused += again.refused;
      push.conflicts += again.conflicts;
    }
    const at = now().toISOString();
    await writeStatus(db, { state: 'ok', at, lastSyncedAt: at });
    return { push, pull };
  } catch (e) {
    if (e instanceof CouchError) {
      await writeStatus(db, { state: e.failure, at: now().toISOString(), detail: e.message });
    }
    throw e;
  }
}
