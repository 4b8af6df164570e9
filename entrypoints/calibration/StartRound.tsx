import { useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useLiveQuery } from '@/hooks/use-live-query';
import { createRound, roundCandidates } from '@/lib/calibration/round';
import { getDb, listBrands } from '@/lib/db';
import { categoryLabel, t } from '@/lib/i18n';

/**
 * The lead's part: pick touchpoints the shoppers should all score, and start a round. The
 * shoppers receive it in a backup and score it on this page.
 */
export function StartRound({ studyId }: { studyId: string }) {
  const db = getDb();
  const candidates = useLiveQuery(() => roundCandidates(db, studyId), [studyId]);
  const brands = useLiveQuery(() => listBrands(db), []);
  const [picked, setPicked] = useState<string[]>([]);
  const [lead, setLead] = useState('');
  const [started, setStarted] = useState<number>();
  const { busy, failure, run } = useAction();
  if (!candidates || candidates.length === 0) return null;
  const start = () =>
    run(async () => {
      const keys = await createRound(
        db,
        {
          studyId,
          touchpointIds: picked,
          lead: lead.trim(),
          scenario: t('calibration.roundScenario'),
        },
        new Date(),
      );
      setStarted(keys.length);
      setPicked([]);
    });
  return (
    <section aria-labelledby="round-heading" class="no-print">
      <h2 id="round-heading">{t('calibration.roundHeading')}</h2>
      <p class="muted">{t('calibration.roundHelp')}</p>
      <label class="field">
        {t('calibration.leadName')}
        <input
          data-testid="calibration-lead"
          value={lead}
          onInput={(e) => setLead(e.currentTarget.value)}
        />
      </label>
      <fieldset class="candidates">
        <legend>{t('calibration.pickItems')}</legend>
        {candidates.map(({ touchpoint: tp, audit }) => (
          <label key={tp.id} class="check">
            <input
              type="checkbox"
              data-testid="calibration-candidate"
              checked={picked.includes(tp.id)}
              onChange={(e) =>
                setPicked((ids) =>
                  e.currentTarget.checked ? [...ids, tp.id] : ids.filter((id) => id !== tp.id),
                )
              }
            />
            <span>
              {categoryLabel(tp.category)} — {tp.anchor?.text || tp.pageTitle || tp.url || tp.notes}
              <span class="muted">
                {/* Which brand, wave and shopper: the same page may come up in several. */}
                {[brands?.find((b) => b.id === audit.brandId)?.name, audit.wave, audit.shopper]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        class="primary"
        data-testid="calibration-start-round"
        disabled={busy || picked.length === 0 || !lead.trim()}
        onClick={() => void start()}
      >
        {t('calibration.startRound', { count: picked.length })}
      </button>
      {started !== undefined && (
        <p role="status">{t('calibration.roundStarted', { count: started })}</p>
      )}
      <FailureAlert failure={failure} testId="calibration-round-failed" />
    </section>
  );
}
