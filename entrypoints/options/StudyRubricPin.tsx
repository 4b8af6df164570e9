import { useState } from 'preact/hooks';
import { localizeRubric, t } from '@/lib/i18n';
import type { Rubric, Study } from '@/lib/model';
import { MoveStudyWarning } from './rubrics/MoveStudyWarning';

/** Props of {@link StudyRubricPin}. */
export interface StudyRubricPinProps {
  study: Study;
  /** Every rubric version a study may pin (the other versions of its rubric are offered). */
  rubrics: readonly Rubric[];
  /** The version the study is pinned to now (it changes only through the warning). */
  version: number;
  onMoved: (version: number) => void;
}

/**
 * Options page, study form of an existing study: the pinned rubric version, kept as it is
 * while the form is edited; moving to another version goes through the move warning.
 */
export function StudyRubricPin({ study, rubrics, version, onMoved }: StudyRubricPinProps) {
  const others = rubrics.filter((r) => r.id === study.rubricId && r.version !== version);
  const pinned = rubrics.find((r) => r.id === study.rubricId && r.version === version);
  const [target, setTarget] = useState<number | undefined>(others[0]?.version);
  const [reviewing, setReviewing] = useState<number | null>(null);
  const chosen = others.some((r) => r.version === target) ? target : others[0]?.version;

  return (
    <div class="rubric-pin">
      <p data-testid="study-rubric-pinned">
        {t('studies.rubricPinned', { name: pinned?.name ?? study.rubricId, version })}
      </p>
      {others.length > 0 && reviewing === null && (
        <label>
          {t('studies.moveTo')}{' '}
          <select
            data-testid="study-rubric-move"
            value={chosen}
            onChange={(e) => setTarget(Number(e.currentTarget.value))}
          >
            {others.map((r) => (
              <option key={r.version} value={r.version}>
                {t('studies.rubricOption', { name: localizeRubric(r).name, version: r.version })}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            data-testid="study-rubric-move-review"
            onClick={() => chosen !== undefined && setReviewing(chosen)}
          >
            {t('studies.moveReview')}
          </button>
        </label>
      )}
      {reviewing !== null && (
        <MoveStudyWarning
          studyId={study.id}
          version={reviewing}
          onClose={(moved) => {
            setReviewing(null);
            if (moved) onMoved(reviewing);
          }}
        />
      )}
    </div>
  );
}
