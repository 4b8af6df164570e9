import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { pickReportStudy } from '@/lib/report/read';
import { t } from '@/lib/i18n';
import type { Study } from '@/lib/model';
import { caught, type Problem } from '@/lib/result';
import { FilesBar } from './FilesBar';
import { LoadFailed } from './LoadFailed';
import { ReportView } from './ReportView';
import { StudyPicker } from './StudyPicker';

/** The report page: `?study=<id>`'s report, the only study's, or a picker. */
export function App() {
  const [choice, setChoice] = useState<{ studyId: string | null; studies: Study[] } | undefined>();
  const [failure, setFailure] = useState<Problem>();
  /** What the last import said, kept here: the view may change under it (see FilesBar). */
  const [imported, setImported] = useState<string>();
  const shown = useRef<string | null>(null);
  const pick = useCallback(() => {
    setFailure(undefined);
    // After an import, the study shown stays shown, though the import added others.
    const asked = new URLSearchParams(location.search).get('study') ?? shown.current;
    pickReportStudy(getDb(), asked).then(
      (picked) => {
        shown.current = picked.studyId;
        setChoice(picked);
      },
      (error: unknown) => setFailure(caught(error)),
    );
  }, []);
  useEffect(pick, [pick]);
  const onImported = useCallback(
    (said: string) => {
      setImported(said);
      pick();
    },
    [pick],
  );
  if (failure) return <LoadFailed problem={failure} />;
  if (!choice) return <p class="muted">{t('report.loading')}</p>;
  if (choice.studyId)
    return (
      <ReportView
        key={choice.studyId}
        studyId={choice.studyId}
        others={choice.studies}
        imported={imported}
        onImported={onImported}
      />
    );
  return (
    <main class="report">
      <h1>{t('report.title')}</h1>
      {choice.studies.length === 0 ? (
        <p>{t('report.noStudy')}</p>
      ) : (
        <StudyPicker studies={choice.studies} />
      )}
      <FilesBar imported={imported} onImported={onImported} />
    </main>
  );
}
