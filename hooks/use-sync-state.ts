import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getSetting, type AuditorDb } from '@/lib/db';
import { EMPTY_SYNC_CONFIG, SYNC_STORAGE_KEY, type SyncConfig } from '@/lib/sync';
import { useLiveQuery } from './use-live-query';

/** The sync settings as kept in `browser.storage.local`, following every change. */
export function useSyncConfig(): SyncConfig | undefined {
  const [config, setConfig] = useState<SyncConfig>();
  useEffect(() => {
    const read = async () => {
      const stored = (await browser.storage.local.get(SYNC_STORAGE_KEY))[SYNC_STORAGE_KEY];
      setConfig({ ...EMPTY_SYNC_CONFIG, ...(stored as Partial<SyncConfig> | undefined) });
    };
    void read();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STORAGE_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return config;
}

/** How team sync stands: its status, what waits to be pushed, what the server refused. */
export function useSyncState(db: AuditorDb) {
  const status = useLiveQuery(() => getSetting(db, 'syncStatus'), []);
  const waiting = useLiveQuery(() => db.syncOutbox.count(), []) ?? 0;
  const refusals = useLiveQuery(() => db.syncRefusals.orderBy('docId').toArray(), []) ?? [];
  // Re-render every half minute so "synced 2 minutes ago" stays true.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return { status, waiting, refusals, now };
}
