import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';

/** Props of {@link HostClaim}. */
export interface HostClaimProps {
  /** The current tab's host, claimed by no brand of the study. */
  host: string;
  /** The running audit's brand, proposed first. */
  auditBrand: Brand | undefined;
  /** Every brand of the study. */
  brands: readonly Brand[];
  onClaim: (brandId: string) => Promise<void>;
  onNewCompetitor: (name: string) => Promise<void>;
}

const NEW = '__new__';

/** Popup: asks which brand an unclaimed host belongs to, and remembers the answer. */
export function HostClaim({ host, auditBrand, brands, onClaim, onNewCompetitor }: HostClaimProps) {
  const [choice, setChoice] = useState(auditBrand?.id ?? brands[0]?.id ?? NEW);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const { failure, run } = useAction();
  const ordered = auditBrand
    ? [auditBrand, ...brands.filter((b) => b.id !== auditBrand.id)]
    : brands;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (choice === NEW && name.trim() === '') {
      setMissing(true);
      return;
    }
    await run(() => (choice === NEW ? onNewCompetitor(name.trim()) : onClaim(choice)));
  };

  return (
    <form class="stack claim" data-testid="popup-host-claim" onSubmit={submit} noValidate>
      <p>{t('popup.claim.question', { host })}</p>
      {ordered.map((b) => (
        <label key={b.id} class="check">
          <input
            type="radio"
            name="claim"
            data-testid={`popup-claim-${b.id}`}
            checked={choice === b.id}
            onChange={() => setChoice(b.id)}
          />
          {b.id === auditBrand?.id ? t('popup.claim.auditBrand', { brand: b.name }) : b.name}
        </label>
      ))}
      <label class="check">
        <input
          type="radio"
          name="claim"
          data-testid="popup-claim-new"
          checked={choice === NEW}
          onChange={() => setChoice(NEW)}
        />
        {t('popup.claim.newCompetitor')}
      </label>
      {choice === NEW && (
        <label>
          {t('popup.claim.newName')}
          <input
            data-testid="popup-claim-name"
            value={name}
            aria-invalid={missing}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
      )}
      {missing && choice === NEW && (
        <p class="field-error" role="alert">
          {t('validation.required')}
        </p>
      )}
      <FailureAlert failure={failure} testId="popup-claim-failed" />
      <button type="submit" data-testid="popup-claim-save">
        {t('popup.claim.save')}
      </button>
    </form>
  );
}
