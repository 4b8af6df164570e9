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
 * popup's off-page form. A radio group with one tab stop: arrows, Home and End move and select;
 * digits give a score and N gives N/A; choosing the current value again clears it.
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
  // One tab stop per criterion (a radio group's roving tabindex): the checked radio, else the
  // first. Arrows, Home and End move and select, as in any radio group.
  const stop = Math.max(0, choices.indexOf(value as ScoreValue));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const radios = (e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role=radio]');
    const onRadio = [...radios].indexOf(e.target as HTMLElement);
    // Arrows go from the focused radio; with the group itself focused, from the checked one.
    const at = onRadio >= 0 ? onRadio : choices.indexOf(value as ScoreValue);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const n = Number(e.key);
    let to = -1;
    if (step) to = at < 0 ? (step > 0 ? 0 : choices.length - 1) : at + step;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = choices.length - 1;
    else if (/^[0-9]$/.test(e.key) && n >= scale.min && n <= scale.max) to = choices.indexOf(n);
    else if (e.key === 'n' || e.key === 'N') to = choices.length - 1;
    else return;
    e.preventDefault();
    to = (to + choices.length) % choices.length;
    onChange(choices[to]);
    // Focus goes with the choice, unless the group itself has it.
    if (onRadio >= 0) radios[to]?.focus();
  };
  const labelId = `crit-${criterion.id}`;
  return (
    <div
      class="criterion"
      role="radiogroup"
      aria-labelledby={labelId}
      tabIndex={-1}
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
        {choices.map((choice, i) => (
          <button
            type="button"
            key={String(choice)}
            class={choice === value ? 'choice chosen' : 'choice'}
            role="radio"
            aria-checked={choice === value}
            tabIndex={i === stop ? 0 : -1}
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
