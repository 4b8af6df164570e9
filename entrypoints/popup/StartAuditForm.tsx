import { FailureAlert } from '@/components/FailureAlert';
import { FormActions } from '@/components/FormActions';
import { useAction } from '@/hooks/use-action';
import { useState } from 'preact/hooks';
import type { StudyChoice } from '@/lib/audit';
import { t } from '@/lib/i18n';
import type { NewAudit, StartDraft } from '@/lib/db';
import { brandForHost } from '@/lib/studies/hosts';

/** Props of {@link StartAuditForm}. */
export interface StartAuditFormProps {
  choices: readonly StudyChoice[];
  /** The current tab's host: proposes the study and brand that claim it. */
  host: string;
  /** The name remembered from the last audit. */
  shopper: string;
  /** The form as it was left when the popup last closed. */
  kept?: StartDraft | null | undefined;
  /** Hears every change of the form, to keep it. */
  onChange?: (form: StartDraft) => void;
  onStart: (audit: NewAudit) => Promise<void>;
  onCancel: () => void;
}

/** The first study one of whose brands claims the host, and that brand. */
function propose(
  choices: readonly StudyChoice[],
  host: string,
): { studyId: string; brandId: string; proposed: boolean } {
  for (const c of choices) {
    const brand = host ? brandForHost(c.brands, host) : undefined;
    if (brand) return { studyId: c.study.id, brandId: brand.id, proposed: true };
  }
  const first = choices[0];
  return { studyId: first?.study.id ?? '', brandId: first?.brands[0]?.id ?? '', proposed: false };
}

/** Popup: the start-an-audit form (study, brand, scenario, shopper). */
export function StartAuditForm({
  choices,
  host,
  shopper: remembered,
  kept,
  onChange = () => undefined,
  onStart,
  onCancel,
}: StartAuditFormProps) {
  const initial = propose(choices, host);
  // What was kept, where its study and brand still exist.
  const keptChoice = kept && choices.find((c) => c.study.id === kept.studyId);
  const keptBrand = keptChoice?.brands.find((b) => b.id === kept?.brandId);
  const [form, setForm] = useState<StartDraft>(() => ({
    studyId: keptChoice ? keptChoice.study.id : initial.studyId,
    brandId: keptChoice ? ((keptBrand ?? keptChoice.brands[0])?.id ?? '') : initial.brandId,
    scenario: kept?.scenario ?? '',
    shopper: kept?.shopper ?? remembered,
  }));
  const { studyId, brandId, scenario, shopper } = form;
  const change = (patch: Partial<StartDraft>) => {
    const next = { ...form, ...patch };
    setForm(next);
    onChange(next);
  };
  const setBrandId = (id: string) => change({ brandId: id });
  const setScenario = (text: string) => change({ scenario: text });
  const setShopper = (name: string) => change({ shopper: name });
  const [missing, setMissing] = useState(false);
  const { busy, failure, run } = useAction();
  const brands = choices.find((c) => c.study.id === studyId)?.brands ?? [];
  const proposedBrand = initial.proposed ? brands.find((b) => b.id === initial.brandId) : undefined;

  const pickStudy = (id: string) => {
    const c = choices.find((x) => x.study.id === id);
    change({
      studyId: id,
      brandId: (host && c && brandForHost(c.brands, host)?.id) || c?.brands[0]?.id || '',
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!studyId || !brandId || shopper.trim() === '') {
      setMissing(true);
      return;
    }
    await run(() =>
      onStart({ studyId, brandId, scenario: scenario.trim(), shopper: shopper.trim() }),
    );
  };

  return (
    <form class="stack" data-testid="audit-form" onSubmit={submit} noValidate>
      <h2>{t('popup.start.title')}</h2>
      {kept && (
        <p role="status" class="muted" data-testid="audit-form-restored">
          {t('popup.start.restored')}
        </p>
      )}
      <label>
        {t('audit.study')}
        <select
          data-testid="audit-study"
          value={studyId}
          onChange={(e) => pickStudy(e.currentTarget.value)}
        >
          {choices.map((c) => (
            <option key={c.study.id} value={c.study.id}>
              {c.study.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.brand')}
        <select
          data-testid="audit-brand"
          value={brandId}
          aria-invalid={missing && !brandId}
          onChange={(e) => setBrandId(e.currentTarget.value)}
        >
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      {proposedBrand && proposedBrand.id === brandId && (
        <p class="muted small" data-testid="audit-brand-proposed">
          {t('popup.start.proposed', { brand: proposedBrand.name })}
        </p>
      )}
      {missing && !brandId && (
        <p class="field-error" role="alert">
          {t('validation.noBrands')}
        </p>
      )}
      <label>
        {t('audit.scenario')}
        <textarea
          data-testid="audit-scenario"
          rows={2}
          value={scenario}
          placeholder={t('popup.start.scenarioPlaceholder')}
          onInput={(e) => setScenario(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('audit.shopper')}
        <input
          data-testid="audit-shopper"
          value={shopper}
          aria-invalid={missing && shopper.trim() === ''}
          onInput={(e) => setShopper(e.currentTarget.value)}
        />
      </label>
      {missing && shopper.trim() === '' && (
        <p class="field-error" role="alert" data-testid="audit-error-shopper">
          {t('validation.required')}
        </p>
      )}
      <FailureAlert failure={failure} testId="audit-start-failed" message="audit.startFailed" />
      <FormActions
        submitTestId="audit-start"
        submitLabel={t('audit.start')}
        cancelLabel={t('audit.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
