import { useState } from 'preact/hooks';
import { localizeRubric, t } from '@/lib/i18n';
import type { Brand, Rubric, Study } from '@/lib/model';
import type { Result } from '@/lib/result';
import { NextWaveForm } from './NextWaveForm';
import { RequireReviewToggle } from './RequireReviewToggle';

/** Props of {@link StudyList}. */
export interface StudyListProps {
  studies: readonly Study[];
  brands: readonly Brand[];
  /** The rubrics stored, to name each study's pinned one (its id until they are read). */
  rubrics: readonly Rubric[];
  onEdit: (study: Study) => void;
  /** Opens a study's next wave under `label`. */
  onOpenWave: (study: Study, label: string) => Promise<Result<Study>>;
  /** Turns "count approved audits only" on or off for a study. */
  onRequireReview: (study: Study, on: boolean) => Promise<unknown>;
}

/**
 * Options page, Studies tab: the studies, each with its waves, brands and pinned rubric, and
 * the lead's way to open the next wave.
 */
export function StudyList({
  studies,
  brands,
  rubrics,
  onEdit,
  onOpenWave,
  onRequireReview,
}: StudyListProps) {
  const [opening, setOpening] = useState<string | null>(null);
  if (studies.length === 0) return <p class="muted">{t('studies.none')}</p>;
  const nameOf = (id: string) => brands.find((b) => b.id === id)?.name ?? '?';
  const rubricName = (s: Study) => {
    const pinned = rubrics.find((r) => r.id === s.rubricId && r.version === s.rubricVersion);
    return pinned ? localizeRubric(pinned).name : s.rubricId;
  };
  return (
    <ul class="rows" data-testid="study-list">
      {studies.map((s) => (
        <li key={s.id} data-testid="study-row">
          <div>
            <strong>{s.name}</strong>
            <div class="muted small">
              {t('studies.summary', {
                wave: s.wave || '—',
                brands: s.brandIds.map(nameOf).join(', '),
                rubric: rubricName(s),
                version: s.rubricVersion,
              })}
            </div>
            {s.waves.length > 1 && (
              <div class="muted small" data-testid="study-waves">
                {t('studies.waves', { waves: s.waves.join(' → '), wave: s.wave })}
              </div>
            )}
            <RequireReviewToggle study={s} onChange={(on) => onRequireReview(s, on)} />
            {opening === s.id && (
              <NextWaveForm
                study={s}
                onOpen={(label) => onOpenWave(s, label)}
                onClose={() => setOpening(null)}
              />
            )}
          </div>
          <div class="actions">
            <a href={`/touchpoints.html?study=${encodeURIComponent(s.id)}`}>
              {t('studies.openTouchpoints')}
            </a>
            <a href={`/report.html?study=${encodeURIComponent(s.id)}`}>{t('studies.openReport')}</a>
            <button data-testid="study-edit" onClick={() => onEdit(s)}>
              {t('studies.edit')}
            </button>
            <button
              data-testid="study-next-wave"
              aria-expanded={opening === s.id}
              onClick={() => setOpening(opening === s.id ? null : s.id)}
            >
              {t('studies.nextWave')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
