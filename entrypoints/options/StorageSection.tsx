import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '@/hooks/use-live-query';
import { getDb, getSetting, setSetting } from '@/lib/db';
import { formatBytes, formatDateTime, t } from '@/lib/i18n';
import { storageState, type StorageState } from '@/lib/util/storage';

/**
 * Options: whether the browser keeps the data for good, how much it uses and how much is left,
 * when the last backup was made, and after how many new touchpoints shoppers are reminded to
 * back up.
 */
export function StorageSection() {
  const db = getDb();
  const [state, setState] = useState<StorageState>();
  useEffect(() => {
    void storageState().then(setState);
  }, []);
  const every = useLiveQuery(() => getSetting(db, 'backupEvery'), []);
  const lastBackup = useLiveQuery(() => getSetting(db, 'lastBackupAt'), []);
  return (
    <section class="card" aria-labelledby="storage-title" data-testid="options-storage">
      <h2 id="storage-title">{t('options.storage.title')}</h2>
      {state && (
        <>
          <p data-testid="options-storage-persisted" data-persisted={String(state.persisted)}>
            {t(state.persisted ? 'options.storage.persisted' : 'options.storage.notPersisted')}
          </p>
          <p data-testid="options-storage-usage">
            {state.usage !== null && state.quota !== null
              ? t('options.storage.usage', {
                  used: formatBytes(state.usage),
                  free: formatBytes(Math.max(0, state.quota - state.usage)),
                })
              : t('options.storage.unknown')}
          </p>
        </>
      )}
      <p class="muted" data-testid="options-last-backup">
        {lastBackup
          ? t('options.storage.lastBackup', { at: formatDateTime(lastBackup) })
          : t('options.storage.neverBackedUp')}
      </p>
      {every !== undefined && (
        <label>
          {t('options.storage.backupEvery')}{' '}
          <input
            type="number"
            min={0}
            max={100000}
            step={1}
            value={every}
            data-testid="options-backup-every"
            // Kept as it is typed: a lead who types a number and closes the tab (no change
            // event without leaving the field) keeps it. A field emptied to type anew keeps
            // the number it had.
            onInput={(e) => {
              const typed = e.currentTarget.value;
              const n = Math.floor(Number(typed));
              if (typed.trim() !== '' && Number.isFinite(n) && n >= 0)
                void setSetting(db, 'backupEvery', n);
            }}
          />
        </label>
      )}
    </section>
  );
}
