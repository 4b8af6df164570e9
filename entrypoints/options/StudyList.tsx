import { t } from '@/lib/i18n';
import type { Brand, Study } from '@/lib/model';

/** Props of {@link StudyList}. */
export interface StudyListProps {
  studies: readonly Study[];
  brands: readonly Brand[];
  onEdit: (study: Study) => void;
}

/** Options page, Studies tab: the studies, each with its wave, brands and pinned rubric. */
export function StudyList({ studies, brands, onEdit }: StudyListProps) {
  if (studies.length === 0) return <p class="muted">{t('studies.none')}</p>;
  const nameOf = (id: string) => brands.find((b) => b.id === id)?.name ?? '?';
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
                rubric: s.rubricId,
                version: s.rubricVersion,
              })}
            </div>
          </div>
          <div class="actions">
            <a href={`/touchpoints.html?study=${encodeURIComponent(s.id)}`}>
              {t('studies.openTouchpoints')}
            </a>
            <a href={`/report.html?study=${encodeURIComponent(s.id)}`}>{t('studies.openReport')}</a>
            <button data-testid="study-edit" onClick={() => onEdit(s)}>
              {t('studies.edit')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
