import { FieldError } from '@/components/FieldError';
import { useState } from 'preact/hooks';
import { describeProblem, t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { caught, problemsAt, type Problem } from '@/lib/result';
import { validateBrand, type ValidBrand } from '@/lib/studies';

/** Props of {@link BrandForm}. */
export interface BrandFormProps {
  /** The brand edited; a new one when undefined. */
  brand?: Brand;
  /** The other brands sharing a study with it: its domains and role are checked against them. */
  siblings: readonly Brand[];
  onSave: (value: ValidBrand) => Promise<void>;
  onCancel: () => void;
}

type Field = 'name' | 'role' | 'domains';

/** Options page, Studies tab: creates or edits one brand, with messages at each field. */
export function BrandForm({ brand, siblings, onSave, onCancel }: BrandFormProps) {
  const [name, setName] = useState(brand?.name ?? '');
  const [role, setRole] = useState<Brand['role']>(brand?.role ?? 'competitor');
  const [domainsText, setDomainsText] = useState(brand?.domains.join(', ') ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<Problem>();
  const [saving, setSaving] = useState(false);
  const errorAt = (field: Field) => problemsAt(problems, field)[0];

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = validateBrand({ name, role, domainsText }, siblings);
    setFailure(undefined);
    if (!result.ok) {
      setProblems(result.error);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      await onSave(result.value);
    } catch (error) {
      setFailure(caught(error));
    } finally {
      setSaving(false);
    }
  };

  const message = (field: Field) => {
    const error = errorAt(field);
    return error ? (
      <FieldError id={`brand-error-${field}`} testId={`brand-error-${field}`}>
        {describeProblem(error)}
      </FieldError>
    ) : null;
  };

  return (
    <form class="card" data-testid="brand-form" onSubmit={submit} noValidate>
      <label>
        {t('brands.name')}
        <input
          data-testid="brand-name"
          value={name}
          aria-invalid={!!errorAt('name')}
          aria-describedby={errorAt('name') ? 'brand-error-name' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      {message('name')}
      <label>
        {t('brands.role')}
        <select
          data-testid="brand-role"
          value={role}
          aria-invalid={!!errorAt('role')}
          onChange={(e) => setRole(e.currentTarget.value === 'own' ? 'own' : 'competitor')}
        >
          <option value="own">{t('role.own')}</option>
          <option value="competitor">{t('role.competitor')}</option>
        </select>
      </label>
      {message('role')}
      <label>
        {t('brands.domains')}
        <input
          data-testid="brand-domains"
          value={domainsText}
          placeholder={t('brands.domainsPlaceholder')}
          aria-invalid={!!errorAt('domains')}
          aria-describedby={errorAt('domains') ? 'brand-error-domains' : 'brand-domains-help'}
          onInput={(e) => setDomainsText(e.currentTarget.value)}
        />
      </label>
      <p class="muted small" id="brand-domains-help">
        {t('brands.domainsHelp')}
      </p>
      {message('domains')}
      {failure && (
        <p class="field-error" role="alert" data-testid="brand-failed">
          {t('form.saveFailed', { reason: describeProblem(failure) })}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="brand-save" disabled={saving}>
          {t('brands.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('studies.cancel')}
        </button>
      </div>
    </form>
  );
}
