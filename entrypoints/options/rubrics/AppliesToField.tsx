import { categoryLabel, t } from '@/lib/i18n';
import type { Category, Criterion } from '@/lib/model';
import { RubricFieldError } from './RubricFieldError';
import { errorIdFor, type ErrorsAt } from './field-ids';

/** Rubrics tab: which categories one criterion applies to ("all", or a ticked list). */
export function AppliesToField(props: {
  index: number;
  appliesTo: Criterion['appliesTo'];
  categories: readonly Category[];
  onChange: (appliesTo: Criterion['appliesTo']) => void;
  errors: ErrorsAt;
  disabled?: boolean;
}) {
  const { index, appliesTo, categories, onChange, errors, disabled } = props;
  const path = `criteria[${index}].appliesTo`;
  const listed = appliesTo === 'all' ? [] : appliesTo;
  // Ids from an imported rubric that this browser has no category for are still shown.
  const unknown = listed.filter((id) => !categories.some((c) => c.id === id));
  const options = [
    ...categories.map((c) => ({ id: c.id, label: categoryLabel(c.id, c) })),
    ...unknown.map((id) => ({ id, label: id })),
  ];
  const invalid = errors(path).length > 0;
  return (
    <fieldset class="applies-to" aria-describedby={invalid ? errorIdFor(path) : undefined}>
      <legend>{t('rubrics.criterion.appliesTo')}</legend>
      <label>
        <input
          type="checkbox"
          data-testid={`criterion-all-${index}`}
          checked={appliesTo === 'all'}
          disabled={disabled}
          onChange={(e) => onChange(e.currentTarget.checked ? 'all' : [])}
        />
        {t('rubrics.criterion.allCategories')}
      </label>
      {appliesTo !== 'all' && (
        <div class="category-grid">
          {options.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                data-testid={`criterion-category-${index}-${c.id}`}
                checked={listed.includes(c.id)}
                disabled={disabled}
                onChange={(e) =>
                  onChange(
                    e.currentTarget.checked
                      ? [...listed, c.id]
                      : listed.filter((id) => id !== c.id),
                  )
                }
              />
              {c.label}
            </label>
          ))}
        </div>
      )}
      <RubricFieldError path={path} errors={errors} />
    </fieldset>
  );
}
