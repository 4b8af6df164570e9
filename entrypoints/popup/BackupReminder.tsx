import { useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useLiveQuery } from '@/hooks/use-live-query';
import { exportBackup } from '@/lib/backup/export-db';
import { backupDue, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { downloadBlob } from '@/lib/util/download';

/**
 * Popup: once more touchpoints than the chosen number were added since the last backup, says
 * so and backs everything up in one click (the same file as the report page's "back up").
 */
export function BackupReminder() {
  const db = getDb();
  const [done, setDone] = useState<string>();
  const due = useLiveQuery(() => backupDue(db), [done]);
  const { busy, failure, run } = useAction();
  if (done)
    return (
      <p class="muted small" role="status" data-testid="popup-backup-done">
        {done}
      </p>
    );
  if (!due) return null;
  const backUp = () =>
    run(async () => {
      const file = await exportBackup(db, new Date());
      downloadBlob(file.blob, file.fileName);
      setDone(t('popup.backup.done', { name: file.fileName }));
    });
  return (
    <section class="notice" data-testid="popup-backup-reminder" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('popup.backup.title')}</h2>
      <p>{t('popup.backup.due', { count: due })}</p>
      <button
        type="button"
        disabled={busy}
        data-testid="popup-backup-now"
        onClick={() => void backUp()}
      >
        {t('popup.backup.now')}
      </button>
      <FailureAlert failure={failure} testId="popup-backup-failed" message="popup.backup.failed" />
    </section>
  );
}
