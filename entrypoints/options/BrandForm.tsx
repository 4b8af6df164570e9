import { FailureAlert } from '@/components/FailureAlert';
import { TextField } from '@/components/TextField';
import { FieldProblem } from '@/components/FieldError';
import { FormActions } from '@/components/FormActions';
import { useCheckedSave } from '@/hooks/use-action';
import { useState } from 'preact/hooks';
import { useAskBeforeLeaving } from '@/hooks/use-unsaved-edits';
import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { problemsAt } from '@/lib/result';
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
  const { busy, failure, problems, save } = useCheckedSave(onSave);
  const errorAt = (field: Field) => problemsAt(problems, field)[0];
  // Closing the tab with the brand's domains half typed asks first.
  useAskBeforeLeaving(
    name !== (brand?.name ?? '') ||
      role !== (brand?.role ?? 'competitor') ||
      domainsText !== (brand?.domains.join(', ') ?? ''),
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    await save(validateBrand({ name, role, domainsText }, siblings));
  };

  const message = (field: Field) => (
    <FieldProblem id={`brand-error-${field}`} problem={errorAt(field)} />
  );

  return (
    <form class="card" data-testid="brand-form" onSubmit={submit} noValidate>
      <TextField
        label={t('brands.name')}
        testId="brand-name"
        value={name}
        onInput={setName}
        problemId="brand-error-name"
        problem={errorAt('name')}
      />
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
      <TextField
        label={t('brands.domains')}
        testId="brand-domains"
        value={domainsText}
        onInput={setDomainsText}
        problemId="brand-error-domains"
        problem={errorAt('domains')}
        placeholder={t('brands.domainsPlaceholder')}
        help={{ id: 'brand-domains-help', text: t('brands.domainsHelp') }}
      />
      <FailureAlert failure={failure} testId="brand-failed" />
      <FormActions
        submitTestId="brand-save"
        submitLabel={t('brands.save')}
        cancelLabel={t('studies.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
