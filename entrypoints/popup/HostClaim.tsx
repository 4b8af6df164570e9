import { useState } from 'preact/hooks';
import { describeProblem, t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { caught, type Problem } from '@/lib/result';

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
  const [failure, setFailure] = useState<Problem>();
  const ordered = auditBrand
    ? [auditBrand, ...brands.filter((b) => b.id !== auditBrand.id)]
    : brands;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (choice === NEW && name.trim() === '') {
      setMissing(true);
      return;
    }
    setFailure(undefined);
    try {
      await (choice === NEW ? onNewCompetitor(name.trim()) : onClaim(choice));
    } catch (error) {
      setFailure(caught(error));
    }
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
      {failure && (
        <p class="field-error" role="alert" data-testid="popup-claim-failed">
          {t('form.saveFailed', { reason: describeProblem(failure) })}
        </p>
      )}
      <button type="submit" data-testid="popup-claim-save">
        {t('popup.claim.save')}
      </button>
    </form>
  );
}
