import { FailureAlert } from '@/components/FailureAlert';
import { TextField } from '@/components/TextField';
import { FieldProblem } from '@/components/FieldError';
import { FormActions } from '@/components/FormActions';
import { useCheckedSave } from '@/hooks/use-action';
import { useState } from 'preact/hooks';
import { useAskBeforeLeaving } from '@/hooks/use-unsaved-edits';
import { localizeRubric, t } from '@/lib/i18n';
import type { Brand, Rubric, Study } from '@/lib/model';
import { problemsAt } from '@/lib/result';
import { parseRubricKey, rubricKey, validateStudy, type ValidStudy } from '@/lib/studies';
import { StudyRubricPin } from './StudyRubricPin';

/** Props of {@link StudyForm}. */
export interface StudyFormProps {
  /** The study edited; a new one when undefined. */
  study?: Study;
  /** Every live brand a study may compare. */
  brands: readonly Brand[];
  /** Every rubric version a study may pin. */
  rubrics: readonly Rubric[];
  /**
   * Saves the form. For an existing study the value carries the version it is pinned to now:
   * the form never changes it (a move goes through the warning and is stored at once).
   */
  onSave: (value: ValidStudy) => Promise<void>;
  onCancel: () => void;
}

type Field = 'name' | 'rubric' | 'brands';

/**
 * Options page, Studies tab: creates or edits a study (name, wave, pinned rubric, brands). A
 * new study picks its rubric version here; an existing one keeps it, so its report never mixes
 * rubric versions (moving it is the rubric editor's job).
 */
export function StudyForm({ study, brands, rubrics, onSave, onCancel }: StudyFormProps) {
  const [name, setName] = useState(study?.name ?? '');
  const [wave, setWave] = useState(study?.wave ?? '');
  const first = rubrics[0];
  const [pinned, setPinned] = useState(
    study
      ? rubricKey(study.rubricId, study.rubricVersion)
      : first
        ? rubricKey(first.id, first.version)
        : '',
  );
  const [moved, setMoved] = useState<string | null>(null);
  const [brandIds, setBrandIds] = useState<string[]>(study?.brandIds ?? []);
  const { busy, failure, problems, save } = useCheckedSave(onSave);
  const errorAt = (field: Field) => problemsAt(problems, field)[0];
  // A study being set up (five competitors ticked, the wave named) is not lost to a closed tab.
  useAskBeforeLeaving(
    name !== (study?.name ?? '') ||
      wave !== (study?.wave ?? '') ||
      brandIds.join('\n') !== (study?.brandIds ?? []).join('\n'),
  );

  const toggle = (id: string, on: boolean) =>
    setBrandIds((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

  const submit = async (e: Event) => {
    e.preventDefault();
    await save(validateStudy({ name, wave, rubricKey: pinned, brandIds }, brands));
  };

  const message = (field: Field) => (
    <FieldProblem id={`study-error-${field}`} problem={errorAt(field)} />
  );

  return (
    <form class="card" data-testid="study-form" onSubmit={submit} noValidate>
      <TextField
        label={t('studies.name')}
        testId="study-name"
        value={name}
        onInput={setName}
        problemId="study-error-name"
        problem={errorAt('name')}
      />
      <label>
        {t('studies.wave')}
        <input
          data-testid="study-wave"
          value={wave}
          placeholder={t('studies.wavePlaceholder')}
          onInput={(e) => setWave(e.currentTarget.value)}
        />
      </label>
      {study ? (
        <fieldset data-testid="study-rubric-field">
          <legend>{t('studies.rubric')}</legend>
          <StudyRubricPin
            study={study}
            rubrics={rubrics}
            version={parseRubricKey(pinned)?.version ?? study.rubricVersion}
            onMoved={(version) => {
              setPinned(rubricKey(study.rubricId, version));
              setMoved(t('rubrics.moved', { study: study.name, version }));
            }}
          />
          {moved && (
            <p class="muted" role="status" data-testid="study-rubric-moved">
              {moved}
            </p>
          )}
        </fieldset>
      ) : (
        <label>
          {t('studies.rubric')}
          <select
            data-testid="study-rubric"
            value={pinned}
            aria-invalid={!!errorAt('rubric')}
            onChange={(e) => setPinned(e.currentTarget.value)}
          >
            {rubrics.map((r) => (
              <option key={rubricKey(r.id, r.version)} value={rubricKey(r.id, r.version)}>
                {t('studies.rubricOption', { name: localizeRubric(r).name, version: r.version })}
              </option>
            ))}
          </select>
        </label>
      )}
      {message('rubric')}
      <fieldset data-testid="study-brands" aria-invalid={!!errorAt('brands')}>
        <legend>{t('studies.brands')}</legend>
        {brands.length === 0 && <p class="muted">{t('brands.none')}</p>}
        {brands.map((b) => (
          <label key={b.id} class="check">
            <input
              type="checkbox"
              data-testid={`study-brand-${b.id}`}
              checked={brandIds.includes(b.id)}
              onChange={(e) => toggle(b.id, e.currentTarget.checked)}
            />
            {b.name}{' '}
            <span class="muted">({t(b.role === 'own' ? 'role.own' : 'role.competitor')})</span>
          </label>
        ))}
      </fieldset>
      {message('brands')}
      <FailureAlert failure={failure} testId="study-failed" />
      <FormActions
        submitTestId="study-save"
        submitLabel={t('studies.save')}
        cancelLabel={t('studies.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
