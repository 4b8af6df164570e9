import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useLiveQuery } from '@/hooks/use-live-query';
import { backupDue, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { BACKUP_ON_OPEN } from '../report/auto-backup';

/**
 * Popup: once more touchpoints than the chosen number were added since the last backup, says
 * so and backs everything up in one click: the same archive as the report page's "Back up
 * everything". The popup cannot build it (a study's screenshots can be hundreds of MB, and the
 * popup closes as soon as it loses focus): it opens the report page, which makes the archive in
 * its worker and shows its progress (docs/RECOVERY.md#backups-the-popups-reminder).
 */
export function BackupReminder({ openPage }: { openPage: (path: string) => Promise<void> }) {
  const db = getDb();
  const due = useLiveQuery(() => backupDue(db), []);
  const { busy, failure, run } = useAction();
  if (!due) return null;
  const backUp = () => run(() => openPage(`/report.html?${BACKUP_ON_OPEN}`));
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
