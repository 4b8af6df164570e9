import type { SyncStatus } from '../db/settings';
import { formatAgo } from './format';
import { currentLanguage, t } from './translate';

/**
 * The one line that says how team sync stands, for the popup and the options: `synced 2
 * minutes ago · 3 waiting`, or why it is not syncing (`not syncing: the server cannot be
 * reached…`), or that it is off. `waiting` = records written here and not yet on the server.
 */
export function syncStatusText(
  enabled: boolean,
  status: SyncStatus | null | undefined,
  waiting: number,
  now: Date,
): string {
  if (!enabled) return t('sync.status.off');
  const state = status?.state ?? 'syncing';
  let head: string;
  if (state === 'ok' || state === 'syncing') {
    head = status?.lastSyncedAt
      ? t('sync.status.synced', { ago: formatAgo(status.lastSyncedAt, now) })
      : t(state === 'syncing' ? 'sync.status.syncing' : 'sync.status.never');
  } else if (state === 'offline') {
    const at = status?.retryAt ? new Date(status.retryAt) : now;
    head = t('sync.status.offline', {
      at: new Intl.DateTimeFormat(currentLanguage(), { timeStyle: 'medium' }).format(at),
    });
  } else {
    head = t(`sync.status.${state}`);
  }
  return waiting > 0 ? `${head} · ${t('sync.status.waiting', { count: waiting })}` : head;
}
