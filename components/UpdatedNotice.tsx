import { useEffect, useState } from 'preact/hooks';
import type { AuditorDb } from '@/lib/db';
import { t } from '@/lib/i18n';

/**
 * Shown at the top of every extension page once a newer version of the database was opened
 * elsewhere and this page's connection closed to let it upgrade: says so and offers a reload
 * (docs/RECOVERY.md#a-newer-version-opened-elsewhere).
 */
export function UpdatedNotice({ db }: { db: AuditorDb }) {
  const [superseded, setSuperseded] = useState(db.superseded);
  useEffect(() => db.onSuperseded(() => setSuperseded(true)), [db]);
  if (!superseded) return null;
  return (
    <aside
      data-testid="page-updated"
      style={{
        background: '#fff4d6',
        color: '#1d2330',
        borderBottom: '2px solid #8a6100',
        padding: '10px 20px',
        display: 'flex',
        gap: '12px',
        alignItems: 'center',
        flexWrap: 'wrap',
      }}
    >
      <p role="alert" style={{ margin: 0 }}>
        {t('problem.appUpdated')}
      </p>
      <button type="button" data-testid="page-reload" onClick={() => location.reload()}>
        {t('page.reload')}
      </button>
    </aside>
  );
}
