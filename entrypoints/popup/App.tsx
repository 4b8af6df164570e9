import { useEffect, useState } from 'preact/hooks';
import { getActiveAudit, getDb, getRubric } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { Audit, Rubric } from '@/lib/model';

/** The toolbar popup: the running audit, or the way to start one. */
export function App() {
  const [audit, setAudit] = useState<Audit | null | undefined>(undefined);
  const [rubric, setRubric] = useState<Rubric | undefined>();

  useEffect(() => {
    const db = getDb();
    void getActiveAudit(db).then((a) => setAudit(a ?? null));
    void getRubric(db, 'default', 1).then(setRubric);
  }, []);

  return (
    <main data-testid="popup">
      <h1>{t('popup.title')}</h1>
      {audit === null && <p class="muted">{t('popup.noAudit')}</p>}
      {rubric && (
        <p class="muted" data-testid="popup-rubric">
          {t('popup.rubricReady', {
            name: rubric.name,
            version: rubric.version,
            count: rubric.criteria.length,
          })}
        </p>
      )}
    </main>
  );
}
