import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { AuditorDb } from '../db';
import { EMPTY_SYNC_CONFIG, SYNC_STORAGE_KEY, type SyncConfig } from '../sync';
import { createSyncLoop, type SyncLoop } from './sync-loop';

/** The alarm that restarts sync in a worker Chrome stopped: every half minute (its minimum). */
export const SYNC_ALARM = 'team-sync';

/** The sync settings kept in `browser.storage.local` (never in the database or a backup). */
export async function readSyncConfig(): Promise<SyncConfig> {
  const stored = (await browser.storage.local.get(SYNC_STORAGE_KEY))[SYNC_STORAGE_KEY] as
    Partial<SyncConfig> | undefined;
  return { ...EMPTY_SYNC_CONFIG, ...stored };
}

/**
 * Wires team sync into the service worker: the loop runs at start, when the settings change,
 * when the outbox gets a write (from any page: Dexie tells every context of the origin), and
 * at the alarm, which outlives the worker. With sync off, each of these finds it off and stops.
 */
export function startSync(db: AuditorDb): SyncLoop {
  const loop = createSyncLoop({
    db,
    now: () => new Date(),
    readConfig: readSyncConfig,
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    // The extension's one network path: lib/sync/couch.ts only ever calls it for the
    // configured server's database.
    fetch: (url, init) => fetch(url, init),
    log: (m) => console.warn(`[touchpoint-auditor] ${m}`),
  });
  const arm = async () => {
    const { enabled } = await readSyncConfig();
    if (enabled) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
    else await browser.alarms.clear(SYNC_ALARM);
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SYNC_STORAGE_KEY in changes)) return;
    void arm();
    loop.kick();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) loop.kick();
  });
  let waiting = 0;
  liveQuery(() => db.syncOutbox.count()).subscribe({
    next: (count) => {
      // A new local write (the count grows): push it without waiting for the next round.
      if (count > waiting) loop.kick();
      waiting = count;
    },
    error: (e: unknown) => console.warn(`[touchpoint-auditor] outbox watch: ${String(e)}`),
  });
  void arm();
  loop.kick();
  return loop;
}
