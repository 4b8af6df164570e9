import { localizeRubric, t } from '@/lib/i18n';
import type { Rubric } from '@/lib/model';

/** Rubrics tab: every rubric (its latest version), to pick one to edit, and "New rubric". */
export function RubricList(props: {
  rubrics: Rubric[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onNew: () => void;
}) {
  const { rubrics, selectedId, onSelect, onNew } = props;
  return (
    <nav class="rubric-list" aria-label={t('rubrics.list')} data-testid="rubric-list">
      <ul>
        {rubrics.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              data-testid={`rubric-item-${r.id}`}
              aria-current={r.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(r.id)}
            >
              {localizeRubric(r).name}{' '}
              <span class="muted">{t('rubrics.version', { version: r.version })}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="rubric-new" onClick={onNew}>
        {t('rubrics.new')}
      </button>
    </nav>
  );
}
