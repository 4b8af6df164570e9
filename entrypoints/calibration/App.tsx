import { useEffect, useState } from 'preact/hooks';
import { loadCalibration, type CalibrationView } from '@/lib/calibration/round';
import { getDb, getSetting, listStudies } from '@/lib/db';
import { describeProblem, localizeRubric, t } from '@/lib/i18n';
import type { Study } from '@/lib/model';
import { caught, type Problem } from '@/lib/result';
import { useLiveQuery } from '@/hooks/use-live-query';
import { AgreementSection } from './AgreementSection';
import { ScoreItems } from './ScoreItems';
import { StartRound } from './StartRound';

/** Which study the page is about: `?study=<id>`, or the only study. */
function chosenStudy(studies: readonly Study[] | undefined): string | null {
  const asked = new URLSearchParams(location.search).get('study');
  if (asked) return asked;
  return studies?.length === 1 ? studies[0]!.id : null;
}

/**
 * The calibration page (`calibration.html?study=<id>`): how well the shoppers agree when they
 * score the same items, the shopper's own scoring of the round's items, and the lead's way to
 * start a round.
 */
export function App() {
  const db = getDb();
  const studies = useLiveQuery(() => listStudies(db), []);
  const studyId = chosenStudy(studies);
  const [failure, setFailure] = useState<Problem>();
  const [view, setView] = useState<CalibrationView | null>();
  const [shopper, setShopper] = useState('');
  useEffect(() => {
    void getSetting(db, 'shopperName').then(setShopper);
  }, []);
  const changed = useLiveQuery(
    async () => (studyId ? (await db.touchpoints.count()) + (await db.audits.count()) : 0),
    [studyId],
  );
  useEffect(() => {
    if (!studyId) return;
    loadCalibration(db, studyId).then(
      (v) => setView(v ? { ...v, rubric: localizeRubric(v.rubric) } : null),
      (error: unknown) => setFailure(caught(error)),
    );
  }, [studyId, changed]);

  if (failure)
    return (
      <main>
        <h1>{t('calibration.title')}</h1>
        <p role="alert" data-testid="calibration-failed">
          {t('calibration.loadFailed', { reason: describeProblem(failure) })}
        </p>
      </main>
    );
  if (studies && !studyId)
    return (
      <main>
        <h1>{t('calibration.title')}</h1>
        <p>{t('calibration.pickStudy')}</p>
        <ul>
          {studies.map((s) => (
            <li key={s.id}>
              <a href={`/calibration.html?study=${encodeURIComponent(s.id)}`}>{s.name}</a>
            </li>
          ))}
        </ul>
      </main>
    );
  if (view === undefined) return <p class="muted">{t('calibration.loading')}</p>;
  if (view === null)
    return (
      <main>
        <h1>{t('calibration.title')}</h1>
        <p role="alert">{t('calibration.noStudy')}</p>
      </main>
    );
  return (
    <main>
      <header>
        <h1>{t('calibration.heading', { study: view.study.name })}</h1>
        <p class="muted">{t('calibration.intro')}</p>
        <p class="no-print">
          <a href={`/report.html?study=${encodeURIComponent(view.study.id)}`}>
            {t('calibration.backToReport')}
          </a>
        </p>
      </header>
      <AgreementSection view={view} />
      <ScoreItems view={view} shopper={shopper} onShopper={setShopper} />
      <StartRound studyId={view.study.id} />
    </main>
  );
}
