import type { AuditorDb } from '../db';
import { getSetting } from '../db/settings';
import {
  couchClient,
  CouchError,
  originPattern,
  syncTarget,
  type CouchClient,
  type Fetch,
  type SyncConfig,
} from '../sync';
import { backoffMs, syncRound, writeStatus } from '../sync/run';
import { enterTarget } from '../sync/queue-all';

/** What the sync loop needs from the browser, injected so tests run it without one. */
export interface SyncLoopDeps {
  db: AuditorDb;
  now: () => Date;
  /** The sync settings (from `browser.storage.local`). */
  readConfig: () => Promise<SyncConfig>;
  /** Whether the extension holds the host permission for `pattern`. */
  hasPermission: (pattern: string) => Promise<boolean>;
  fetch: Fetch;
  log?: (message: string) => void;
}

/** The background's sync: one loop at a time, woken by local writes, the alarm or the user. */
export interface SyncLoop {
  /** Runs a round soon: starts the loop if it is not running, or wakes it from its wait. */
  kick(): void;
  /** Resolves when the loop is idle (not running): for tests. */
  idle(): Promise<void>;
  /** Ends the loop at its next step, for good (tests). */
  stop(): Promise<void>;
}

/** How long one live `_changes` request waits for a change on the server. */
export const LONGPOLL_MS = 20_000;

/**
 * The sync loop of the background (docs/SYNC.md#background). While sync is on and the host
 * permission held, it runs a round (push, pull), then waits on the server's live `_changes`
 * feed (longpoll) or a local nudge (`kick`), whichever comes first, and goes again; after a
 * failure it waits 2 s, 4 s… up to a minute, saying why in the status. It keeps nothing in
 * memory that matters: the checkpoint and the outbox are in the database, so a worker Chrome
 * stopped picks up where it was when the alarm or a write starts it again. Sync runs beside
 * tagging: nothing here holds a transaction across a network request.
 */
export function createSyncLoop(deps: SyncLoopDeps): SyncLoop {
  const { db, now } = deps;
  let running: Promise<void> | null = null;
  let stopped = false;
  let woken = false;
  let wake: (() => void) | null = null;

  /** Waits `ms`, or less when kicked. */
  const pause = (ms: number, work?: (signal: AbortSignal) => Promise<unknown>) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const controller = new AbortController();
      const done = () => {
        clearTimeout(timer);
        wake = null;
        controller.abort();
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = () => {
        woken = false;
        done();
      };
      work?.(controller.signal).then(done, done);
    });

  const longpoll = (client: CouchClient, since: string) => (signal: AbortSignal) =>
    client.request('GET', '_changes', {
      query: { feed: 'longpoll', since, timeout: LONGPOLL_MS, limit: 1 },
      signal,
    });

  async function loop(): Promise<void> {
    let failures = 0;
    for (;;) {
      woken = false;
      if (stopped) return;
      const config = await deps.readConfig();
      if (!config.enabled) return;
      if (!(await deps.hasPermission(originPattern(config)))) {
        await writeStatus(db, { state: 'no-permission', at: now().toISOString() });
        return;
      }
      const client = couchClient(config, deps.fetch);
      const target = syncTarget(config);
      try {
        // A failure stays on show while it is retried: "syncing" replaces only "in step".
        const before = (await getSetting(db, 'syncStatus'))?.state;
        if (before === undefined || before === 'ok' || before === 'syncing') {
          await writeStatus(db, { state: 'syncing', at: now().toISOString() });
        }
        await enterTarget(db, target);
        await syncRound(db, client, target, now);
        failures = 0;
      } catch (e) {
        failures += 1;
        const wait = backoffMs(failures);
        const detail = e instanceof Error ? e.message : String(e);
        deps.log?.(`sync failed (${failures}): ${detail}`);
        const state = e instanceof CouchError ? e.failure : 'server-error';
        await writeStatus(db, {
          state,
          at: now().toISOString(),
          retryAt: new Date(now().getTime() + wait).toISOString(),
          detail,
        });
        // Wrong credentials or a missing database do not mend themselves: wait for the user.
        if (state === 'unauthorized' || state === 'forbidden' || state === 'no-database') return;
        await pause(wait);
        continue;
      }
      if (woken) continue;
      const since = (await getSetting(db, 'syncCheckpoint'))?.since ?? '0';
      await pause(LONGPOLL_MS + 5_000, longpoll(client, since));
    }
  }

  return {
    kick() {
      if (stopped) return;
      if (running) {
        woken = true;
        wake?.();
        return;
      }
      running = loop()
        .catch((e: unknown) => deps.log?.(`sync stopped: ${String(e)}`))
        .finally(() => {
          running = null;
        });
    },
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      woken = true;
      wake?.();
      while (running) await running;
    },
  };
}
