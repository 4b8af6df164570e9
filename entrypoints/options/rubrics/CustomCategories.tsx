import { FailureAlert } from '@/components/FailureAlert';
import { FieldError } from '@/components/FieldError';
import { useAction } from '@/hooks/use-action';
import { useState } from 'preact/hooks';
import { useDb } from '@/hooks/use-db';
import { addCustomCategory } from '@/lib/db';
import { describeProblem, stageLabel, t } from '@/lib/i18n';
import type { StageId } from '@/lib/model';
import { problemsAt, type Problem } from '@/lib/result';
import type { CustomCategoryInput } from '@/lib/rubric';
import { STAGES } from '@/lib/taxonomy';
import { useCategories } from './use-rubrics';

const EMPTY: CustomCategoryInput = { id: '', label: '', defaultStage: 'consideration' };

/** Rubrics tab: the custom categories, and the form to add one (id, label, default stage). */
export function CustomCategories({ onAdded }: { onAdded: (message: string) => void }) {
  const db = useDb();
  const custom = (useCategories() ?? []).filter((c) => !c.builtin);
  const [form, setForm] = useState(EMPTY);
  const [issues, setIssues] = useState<Problem[]>([]);
  const { failure, run } = useAction();
  const errorOf = (path: 'id' | 'label') => problemsAt(issues, path).map(describeProblem).join(' ');
  const field = (path: 'id' | 'label') => (
    <div class="field">
      <label for={`category-${path}`}>{t(`categories.${path}`)}</label>
      <input
        id={`category-${path}`}
        data-testid={`category-${path}`}
        value={form[path]}
        aria-invalid={errorOf(path) ? true : undefined}
        aria-describedby={errorOf(path) ? `category-${path}-error` : undefined}
        onInput={(e) => setForm({ ...form, [path]: e.currentTarget.value })}
      />
      {errorOf(path) && (
        <FieldError id={`category-${path}-error`} testId={`category-error-${path}`}>
          {errorOf(path)}
        </FieldError>
      )}
    </div>
  );

  async function add(e: Event) {
    e.preventDefault();
    await run(async () => {
      const result = await addCustomCategory(db, form);
      if (!result.ok) {
        setIssues(result.error);
        return;
      }
      setIssues([]);
      setForm(EMPTY);
      onAdded(t('categories.added', { label: result.value.label ?? result.value.id }));
    });
  }

  return (
    <section class="custom-categories" aria-labelledby="categories-title">
      <h3 id="categories-title">{t('categories.title')}</h3>
      <p class="muted">{t('categories.intro')}</p>
      {custom.length === 0 ? (
        <p class="muted">{t('categories.none')}</p>
      ) : (
        <ul>
          {custom.map((c) => (
            <li key={c.id} data-testid={`category-row-${c.id}`}>
              {c.label} <code>{c.id}</code> · {stageLabel(c.defaultStage)}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate class="category-form">
        {field('id')}
        {field('label')}
        <div class="field">
          <label for="category-stage">{t('categories.stage')}</label>
          <select
            id="category-stage"
            data-testid="category-stage"
            value={form.defaultStage}
            onChange={(e) => setForm({ ...form, defaultStage: e.currentTarget.value as StageId })}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" data-testid="category-add">
          {t('categories.add')}
        </button>
        <FailureAlert failure={failure} testId="category-add-failed" />
      </form>
    </section>
  );
}
