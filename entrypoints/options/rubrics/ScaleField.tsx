import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Scale } from '@/lib/model';
import { SCALE_PRESETS, scaleChoiceOf, type ScaleChoice } from '@/lib/rubric';
import { RubricFieldError } from './RubricFieldError';
import { describedBy, inputIdFor, type ErrorsAt } from './field-ids';
import { NumberInput } from './NumberInput';

const CHOICES: ScaleChoice[] = ['1-5', '1-10', '0-1', 'custom'];

/** Rubrics tab: the scale picker (1–5, 1–10, 0–1 pass/fail, or a custom min–max). */
export function ScaleField(props: {
  scale: Scale;
  onChange: (scale: Scale) => void;
  errors: ErrorsAt;
  disabled?: boolean;
}) {
  const { scale, onChange, errors, disabled } = props;
  const [custom, setCustom] = useState(scaleChoiceOf(scale) === 'custom');
  const choice = custom ? 'custom' : scaleChoiceOf(scale);
  return (
    <div class="scale-field">
      <label for={inputIdFor('scale')}>{t('rubrics.scale')}</label>
      <select
        id={inputIdFor('scale')}
        data-testid="rubric-scale"
        value={choice}
        disabled={disabled}
        onChange={(e) => {
          const next = e.currentTarget.value as ScaleChoice;
          setCustom(next === 'custom');
          if (next !== 'custom') onChange({ ...SCALE_PRESETS[next] });
        }}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`rubrics.scale.${c}`)}
          </option>
        ))}
      </select>
      {choice === 'custom' &&
        (['min', 'max'] as const).map((bound) => (
          <span key={bound} class="scale-bound">
            <label for={inputIdFor(`scale.${bound}`)}>{t(`rubrics.scale.${bound}`)}</label>
            <NumberInput
              id={inputIdFor(`scale.${bound}`)}
              testId={`rubric-scale-${bound}`}
              step="1"
              value={scale[bound]}
              disabled={disabled}
              describedBy={describedBy(`scale.${bound}`, errors)}
              onValue={(n) => onChange({ ...scale, [bound]: n })}
            />
            <RubricFieldError path={`scale.${bound}`} errors={errors} />
          </span>
        ))}
    </div>
  );
}
