import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { MoveStudyWarning } from './MoveStudyWarning';
import { useStudiesOfRubric } from './use-rubrics';

/**
 * Rubrics tab: the studies pinned to a version of the selected rubric; a study on an older
 * version can be moved to the latest one, on purpose, after a warning.
 */
export function StudyPins(props: {
  rubricId: string;
  latestVersion: number;
  onMoved: (message: string) => void;
}) {
  const { rubricId, latestVersion, onMoved } = props;
  const studies = useStudiesOfRubric(rubricId);
  const [moving, setMoving] = useState<string | null>(null);
  if (!studies) return null;
  return (
    <section class="study-pins" aria-labelledby="study-pins-title">
      <h3 id="study-pins-title">{t('rubrics.studies')}</h3>
      {studies.length === 0 && <p class="muted">{t('rubrics.noStudies')}</p>}
      <ul>
        {studies.map((s) => (
          <li key={s.id} data-testid={`study-pin-${s.id}`}>
            {t('rubrics.studyPinned', { name: s.name, wave: s.wave, version: s.rubricVersion })}{' '}
            {s.rubricVersion !== latestVersion && moving !== s.id && (
              <button
                type="button"
                data-testid={`study-move-${s.id}`}
                onClick={() => setMoving(s.id)}
              >
                {t('rubrics.move', { version: latestVersion })}
              </button>
            )}
            {moving === s.id && (
              <MoveStudyWarning
                studyId={s.id}
                version={latestVersion}
                onClose={(moved) => {
                  setMoving(null);
                  if (moved) onMoved(t('rubrics.moved', { study: s.name, version: latestVersion }));
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
