import { FieldError } from '@/components/FieldError';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { validateBrand, validationMessage, type FieldErrors, type ValidBrand } from '@/lib/studies';

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
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [saving, setSaving] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = validateBrand({ name, role, domainsText }, siblings);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.value);
    } finally {
      setSaving(false);
    }
  };

  const message = (field: Field) => {
    const error = errors[field];
    return error ? (
      <FieldError id={`brand-error-${field}`} testId={`brand-error-${field}`}>
        {validationMessage(error)}
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
          aria-invalid={!!errors.name}
          aria-describedby={errors.name ? 'brand-error-name' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      {message('name')}
      <label>
        {t('brands.role')}
        <select
          data-testid="brand-role"
          value={role}
          aria-invalid={!!errors.role}
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
          aria-invalid={!!errors.domains}
          aria-describedby={errors.domains ? 'brand-error-domains' : 'brand-domains-help'}
          onInput={(e) => setDomainsText(e.currentTarget.value)}
        />
      </label>
      <p class="muted small" id="brand-domains-help">
        {t('brands.domainsHelp')}
      </p>
      {message('domains')}
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
