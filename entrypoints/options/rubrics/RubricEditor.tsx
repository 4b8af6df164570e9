import { useMemo, useRef, useState } from 'preact/hooks';
import { useAskBeforeLeaving } from '@/hooks/use-unsaved-edits';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import type { SaveRubricResult } from '@/lib/db';
import { describeProblem, t } from '@/lib/i18n';
import type { Category, Rubric } from '@/lib/model';
import {
  addCriterion,
  fieldOf,
  moveCriterion,
  removeCriterion,
  updateCriterion,
  validateRubric,
} from '@/lib/rubric';
import type { Problem } from '@/lib/result';
import { CriterionFields } from './CriterionFields';
import { RubricFieldError } from './RubricFieldError';
import { describedBy, inputIdFor, type ErrorsAt } from './field-ids';
import { ScaleField } from './ScaleField';

/**
 * An edit not saved yet: the draft, and which stored record it started from
 * (`stampOf`), so a change made elsewhere meanwhile is noticed rather than typed over.
 */
export interface KeptRubricEdit {
  draft: Rubric;
  from: string;
}

/** Which stored record a draft started from: its version and when that was last written. */
export const stampOf = (rubric: Rubric) => `${rubric.version}@${rubric.updatedAt}`;

/** Props of the rubric editor. */
export interface RubricEditorProps {
  /**
   * The version being edited (a fresh draft for a new rubric), live: when it changes while
   * nothing is edited the form follows it.
   */
  base: Rubric;
  /** An unsaved edit of this rubric kept from before (the lead opened another and came back). */
  kept?: KeptRubricEdit;
  /** Told every edit, and null once it is discarded (the saver forgets a saved one). */
  onEdit?: (edit: KeptRubricEdit | null) => void;
  categories: readonly Category[];
  /** Shown read-only: an older version, kept as it was. */
  readOnly?: boolean;
  /** A note above the form (used version, old version…). */
  note?: string;
  /** Stores the draft; the editor shows the issues of a refusal. */
  onSave: (draft: Rubric) => Promise<SaveRubricResult>;
}

/**
 * Rubrics tab: the form for one rubric version — name, scale, criteria. Refuses an invalid
 * rubric with a message at each field at fault (shown from the first Save on, then live).
 */
export function RubricEditor({
  base,
  kept,
  categories,
  readOnly,
  note,
  onEdit,
  onSave,
}: RubricEditorProps) {
  const [edit, setEdit] = useState<KeptRubricEdit | null>(kept ?? null);
  const [restored] = useState(!!kept);
  // Unedited, the form is the stored record as it is now (another tab or team sync may change
  // it); edited, it is the lead's draft, which nothing from outside replaces.
  const draft = edit?.draft ?? base;
  const changedElsewhere = !!edit && edit.from !== stampOf(base);
  const [showErrors, setShowErrors] = useState(false);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { busy: saving, failure, setFailure, run } = useAction();
  const issues = useMemo(() => validateRubric(draft), [draft]);
  // A rubric being built is a lead's hour of work: the tab asks before it goes unsaved. (Saved,
  // the editor is made anew from the stored version.)
  useAskBeforeLeaving(edit !== null);

  const shown = showErrors ? issues : [];
  const errors: ErrorsAt = (field) =>
    shown.filter((i) => fieldOf(i.path ?? '') === field).map(describeProblem);
  const change = (next: Rubric) => {
    const edited = { draft: next, from: edit?.from ?? stampOf(base) };
    setEdit(edited);
    onEdit?.(edited);
    setRefused(null);
    setFailure(undefined);
  };

  async function save(e: Event) {
    e.preventDefault();
    setShowErrors(true);
    if (issues.length > 0) {
      setFailure(undefined);
      setRefused(issues);
      return;
    }
    await run(async () => {
      const result = await onSave(draft);
      if (!result.ok) setRefused(result.error);
    });
  }

  return (
    <form
      ref={formRef}
      class="rubric-editor"
      data-testid="rubric-editor"
      onSubmit={save}
      noValidate
    >
      {note && (
        <p class="note" data-testid="rubric-note">
          {note}
        </p>
      )}
      {changedElsewhere ? (
        <p class="notice" role="status" data-testid="rubric-changed-elsewhere">
          {t('rubrics.changedElsewhere')}
        </p>
      ) : (
        restored &&
        edit && (
          <p class="notice" role="status" data-testid="rubric-unsaved-back">
            {t('rubrics.unsavedBack')}
          </p>
        )
      )}
      <div class="field">
        <label for={inputIdFor('name')}>{t('rubrics.name')}</label>
        <input
          id={inputIdFor('name')}
          data-testid="rubric-name"
          value={draft.name}
          disabled={readOnly}
          {...describedBy('name', errors)}
          onInput={(e) => change({ ...draft, name: e.currentTarget.value })}
        />
        <RubricFieldError path="name" errors={errors} />
      </div>
      <ScaleField
        scale={draft.scale}
        errors={errors}
        disabled={readOnly}
        onChange={(scale) => change({ ...draft, scale })}
      />
      <h3>{t('rubrics.criteria')}</h3>
      <RubricFieldError path="criteria" errors={errors} />
      {draft.criteria.map((criterion, index) => (
        <CriterionFields
          // Index keys: ids are editable and may clash while the lead types.
          key={index}
          index={index}
          count={draft.criteria.length}
          criterion={criterion}
          categories={categories}
          errors={errors}
          disabled={readOnly}
          onChange={(patch) => change(updateCriterion(draft, index, patch))}
          onMove={(delta) => {
            change(moveCriterion(draft, index, delta));
            // Rows are keyed by place, so the focus would stay in this place, on the button
            // that now moves the neighbour back: it follows the criterion moved instead (the
            // same button, or the other one where the criterion reached an end).
            const to = index + delta;
            const [same, other] = delta > 0 ? ['down', 'up'] : ['up', 'down'];
            requestAnimationFrame(() => {
              const button = (move: string) =>
                formRef.current?.querySelector<HTMLButtonElement>(`[data-move="${move}-${to}"]`);
              const next = button(same);
              (next && !next.disabled ? next : button(other))?.focus();
            });
          }}
          onRemove={() => change(removeCriterion(draft, index))}
        />
      ))}
      {!readOnly && (
        <div class="editor-actions">
          <button
            type="button"
            data-testid="criterion-add"
            onClick={() => change(addCriterion(draft, t('rubrics.newCriterion')))}
          >
            {t('rubrics.addCriterion')}
          </button>
          <button type="submit" data-testid="rubric-save" disabled={saving}>
            {t('rubrics.save')}
          </button>
          <button
            type="button"
            data-testid="rubric-discard"
            onClick={() => {
              setEdit(null);
              onEdit?.(null);
              setShowErrors(false);
              setRefused(null);
            }}
          >
            {t('rubrics.discard')}
          </button>
        </div>
      )}
      {refused && refused.length > 0 && (
        <p class="field-error" role="alert" data-testid="rubric-refused">
          {t('rubrics.refused', { count: refused.length })}
        </p>
      )}
      <FailureAlert failure={failure} testId="rubric-save-failed" />
    </form>
  );
}
