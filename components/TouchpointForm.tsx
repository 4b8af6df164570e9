import { categoryLabel, channelLabel, stageLabel, t } from '@/lib/i18n/core';
import type { Category, Rubric, ScoreValue } from '@/lib/model';
import type { TouchpointForm as FormValue } from '@/lib/messaging/protocol';
import { criteriaFor } from '@/lib/rubric/criteria';
import { CHANNELS, STAGES } from '@/lib/taxonomy';
import { CriterionScore } from './CriterionScore';

/** Props of the touchpoint form: plain data in, the whole new value out. */
export interface TouchpointFormProps {
  rubric: Rubric;
  categories: Category[];
  value: FormValue;
  onChange: (next: FormValue) => void;
  /** Prefix of the test ids (`tagger` in the tagger's panel). */
  testIdPrefix?: string;
  /**
   * Ctrl+Enter (⌘+Enter) anywhere in the form saves, as its hint says. The tagger's panel
   * handles the key itself and passes nothing.
   */
  onSaveShortcut?: () => void;
}

/**
 * The body of a touchpoint's form — category, stage, channel, one score per criterion that
 * applies, notes; in the tagger's panel and the popup's off-page form. It never talks to
 * messaging or the database: the page around it does.
 */
export function TouchpointForm({
  rubric,
  categories,
  value,
  onChange,
  testIdPrefix = 'tagger',
  onSaveShortcut,
}: TouchpointFormProps) {
  const set = (patch: Partial<FormValue>) => onChange({ ...value, ...patch });
  const setCategory = (id: string) => {
    const category = categories.find((c) => c.id === id);
    set({ category: id, stage: category?.defaultStage ?? value.stage });
  };
  const setScore = (criterionId: string, score: ScoreValue | undefined) => {
    const scores = { ...value.scores };
    if (score === undefined) delete scores[criterionId];
    else scores[criterionId] = score;
    set({ scores });
  };
  const target = (e: Event) => e.currentTarget as HTMLSelectElement | HTMLTextAreaElement;
  return (
    <div
      class="touchpoint-form"
      onKeyDown={
        onSaveShortcut &&
        ((e: KeyboardEvent) => {
          if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.isComposing) return;
          e.preventDefault();
          onSaveShortcut();
        })
      }
    >
      <div class="row3">
        <label>
          <span>{t('tagger.category')}</span>
          <select
            data-testid={`${testIdPrefix}-category`}
            value={value.category}
            onChange={(e) => setCategory(target(e).value)}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {categoryLabel(c.id, c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('tagger.stage')}</span>
          <select
            data-testid={`${testIdPrefix}-stage`}
            value={value.stage}
            onChange={(e) => set({ stage: target(e).value as FormValue['stage'] })}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('tagger.channel')}</span>
          <select
            data-testid={`${testIdPrefix}-channel`}
            value={value.channel}
            onChange={(e) => set({ channel: target(e).value as FormValue['channel'] })}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="hint">{t('tagger.scoreHelp')}</p>
      <div class="criteria">
        {criteriaFor(rubric, value.category).map((criterion) => (
          <CriterionScore
            key={criterion.id}
            criterion={criterion}
            scale={rubric.scale}
            value={value.scores[criterion.id]}
            onChange={(score) => setScore(criterion.id, score)}
            testIdPrefix={testIdPrefix}
          />
        ))}
      </div>
      <label class="notes">
        <span>{t('tagger.notes')}</span>
        <textarea
          data-testid={`${testIdPrefix}-notes`}
          rows={3}
          value={value.notes}
          onInput={(e) => set({ notes: target(e).value })}
        />
      </label>
    </div>
  );
}
