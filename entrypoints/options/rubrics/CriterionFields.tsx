import { t } from '@/lib/i18n';
import type { Category, Criterion } from '@/lib/model';
import { AppliesToField } from './AppliesToField';
import { RubricFieldError } from './RubricFieldError';
import { describedBy, inputIdFor, type ErrorsAt } from './field-ids';
import { NumberInput } from './NumberInput';

/** Props of one criterion's row in the rubric editor. */
export interface CriterionFieldsProps {
  index: number;
  count: number;
  criterion: Criterion;
  categories: readonly Category[];
  errors: ErrorsAt;
  onChange: (patch: Partial<Criterion>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  disabled?: boolean;
}

/** Rubrics tab: one criterion's settings, with reorder and remove buttons. */
export function CriterionFields(props: CriterionFieldsProps) {
  const { index, count, criterion, categories, errors, onChange, onMove, onRemove, disabled } =
    props;
  const at = (field: string) => `criteria[${index}].${field}`;
  // Buttons repeat per criterion: their accessible names say which one they act on.
  const named = (key: 'up' | 'down' | 'remove') =>
    `${t(`rubrics.criterion.${key}`)}: ${criterion.label || criterion.id}`;
  const text = (field: 'id' | 'label' | 'help', key: 'id' | 'label' | 'help') => (
    <div class={`field field-${field}`}>
      <label for={inputIdFor(at(field))}>{t(`rubrics.criterion.${key}`)}</label>
      <input
        id={inputIdFor(at(field))}
        data-testid={`criterion-${field}-${index}`}
        value={criterion[field]}
        disabled={disabled}
        {...describedBy(at(field), errors)}
        onInput={(e) => onChange({ [field]: e.currentTarget.value })}
      />
      <RubricFieldError path={at(field)} errors={errors} />
    </div>
  );
  return (
    <fieldset class="criterion" data-testid={`criterion-${index}`}>
      <legend>{t('rubrics.criterion', { n: index + 1 })}</legend>
      <div class="criterion-row">
        {text('label', 'label')}
        {text('id', 'id')}
        <div class="field field-weight">
          <label for={inputIdFor(at('weight'))}>{t('rubrics.criterion.weight')}</label>
          <NumberInput
            id={inputIdFor(at('weight'))}
            testId={`criterion-weight-${index}`}
            value={criterion.weight}
            disabled={disabled}
            describedBy={describedBy(at('weight'), errors)}
            onValue={(weight) => onChange({ weight })}
          />
          <RubricFieldError path={at('weight')} errors={errors} />
        </div>
      </div>
      {text('help', 'help')}
      <label class="critical">
        <input
          type="checkbox"
          data-testid={`criterion-critical-${index}`}
          checked={criterion.critical}
          disabled={disabled}
          onChange={(e) => onChange({ critical: e.currentTarget.checked })}
        />
        {t('rubrics.criterion.critical')}
      </label>
      <AppliesToField
        index={index}
        appliesTo={criterion.appliesTo}
        categories={categories}
        errors={errors}
        disabled={disabled}
        onChange={(appliesTo) => onChange({ appliesTo })}
      />
      {!disabled && (
        <div class="criterion-actions">
          <button
            type="button"
            data-testid={`criterion-up-${index}`}
            data-move={`up-${index}`}
            aria-label={named('up')}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            {t('rubrics.criterion.up')}
          </button>
          <button
            type="button"
            data-testid={`criterion-down-${index}`}
            data-move={`down-${index}`}
            aria-label={named('down')}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            {t('rubrics.criterion.down')}
          </button>
          <button
            type="button"
            data-testid={`criterion-remove-${index}`}
            aria-label={named('remove')}
            onClick={onRemove}
          >
            {t('rubrics.criterion.remove')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
