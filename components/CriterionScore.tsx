import { t } from '@/lib/i18n/core';
import type { Criterion, Scale, ScoreValue } from '@/lib/model';
import { scaleChoices } from '@/lib/rubric/scale';

/** Props of one criterion's score input. */
export interface CriterionScoreProps {
  criterion: Criterion;
  scale: Scale;
  /** The current score; undefined while not scored. */
  value: ScoreValue | undefined;
  onChange: (value: ScoreValue | undefined) => void;
  /** Prefix of the test id (`<prefix>-score-<criterionId>`). */
  testIdPrefix?: string;
}

/**
 * One criterion's scale buttons plus N/A, with its help text; in the tagger's panel and the
 * popup's off-page form. Focused, it takes digits for a score and N for N/A; choosing the
 * current value again clears it.
 */
export function CriterionScore({
  criterion,
  scale,
  value,
  onChange,
  testIdPrefix = 'tagger',
}: CriterionScoreProps) {
  // Capped, whatever the stored scale says: a forged one must not hang the page drawing it.
  const choices: ScoreValue[] = [...scaleChoices(scale), 'NA'];
  const choose = (next: ScoreValue) => onChange(next === value ? undefined : next);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (/^[0-9]$/.test(e.key)) {
      const n = Number(e.key);
      if (n >= scale.min && n <= scale.max) {
        e.preventDefault();
        onChange(n);
      }
    } else if (e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      onChange('NA');
    }
  };
  const labelId = `crit-${criterion.id}`;
  return (
    <div
      class="criterion"
      role="radiogroup"
      aria-labelledby={labelId}
      tabIndex={0}
      data-testid={`${testIdPrefix}-score-${criterion.id}`}
      onKeyDown={onKeyDown}
    >
      <div class="criterion-head">
        <span id={labelId} class="criterion-label">
          {criterion.label}
        </span>
        <span class="criterion-help">{criterion.help}</span>
      </div>
      <div class="choices">
        {choices.map((choice) => (
          <button
            type="button"
            key={String(choice)}
            class={choice === value ? 'choice chosen' : 'choice'}
            role="radio"
            aria-checked={choice === value}
            data-value={String(choice)}
            onClick={() => choose(choice)}
          >
            {choice === 'NA' ? t('tagger.na') : String(choice)}
          </button>
        ))}
      </div>
    </div>
  );
}
