import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { describeProblem } from '@/lib/i18n/problem-text';
import { syncStatusText } from '@/lib/i18n/sync-status';
import { useSyncConfig, useSyncState } from '@/hooks/use-sync-state';

/**
 * How team sync stands, in the popup and the options' sync section: one line (`synced 2
 * minutes ago · 3 waiting`, or why it is not syncing) and the changes the server refused,
 * each with its record and the server's reason. Nothing in the popup while sync is off and
 * nothing was refused.
 */
export function SyncStatus({ quietWhenOff = false }: { quietWhenOff?: boolean }) {
  const db = getDb();
  const config = useSyncConfig();
  const { status, waiting, refusals, now } = useSyncState(db);
  if (!config) return null;
  if (quietWhenOff && !config.enabled && refusals.length === 0) return null;
  return (
    <div class="sync-status">
      <p
        class="muted small"
        role="status"
        data-testid="sync-status"
        data-state={config.enabled ? (status?.state ?? 'syncing') : 'off'}
        data-waiting={waiting}
      >
        {syncStatusText(config.enabled, status, waiting, now)}
      </p>
      {refusals.length > 0 && (
        <details class="sync-refused" data-testid="sync-refused" open>
          <summary>{t('sync.refused.title', { count: refusals.length })}</summary>
          <ul>
            {refusals.map((r) => (
              <li key={r.docId} data-testid="sync-refused-item" data-doc={r.docId}>
                {t('sync.refused.item', {
                  record: t(`sync.record.${r.table}`),
                  id: r.recordId,
                  reason: r.problem ? describeProblem(r.problem) : r.reason,
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
