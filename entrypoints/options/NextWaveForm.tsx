import { useEffect, useRef, useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { FieldProblem } from '@/components/FieldError';
import { FormActions } from '@/components/FormActions';
import { useAction } from '@/hooks/use-action';
import { t } from '@/lib/i18n';
import type { Study } from '@/lib/model';
import type { Problem, Result } from '@/lib/result';
import { proposeNextWave } from '@/lib/studies';
import { giveFocusBack } from '@/lib/util/focus';

/** Props of {@link NextWaveForm}. */
export interface NextWaveFormProps {
  study: Study;
  /** Opens the wave; a refusal is shown at the label. */
  onOpen: (label: string) => Promise<Result<Study>>;
  onClose: () => void;
}

/**
 * Options page, a study's row: opens the study's next wave, with a label proposed from the
 * last one (`2026-Q4` → `2027-Q1`) that the lead may change.
 */
export function NextWaveForm({ study, onOpen, onClose }: NextWaveFormProps) {
  const [label, setLabel] = useState(() => proposeNextWave(study.waves));
  const [refused, setRefused] = useState<Problem>();
  const { busy, failure, run } = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const opened = await onOpen(label);
      if (opened.ok) onClose();
      else setRefused(opened.error);
    });
  };
  const inputId = `next-wave-${study.id}`;
  const input = useRef<HTMLInputElement>(null);
  // The form opens before its button in the page's order: the focus goes into it (the proposed
  // label selected, to keep or type over), and back to the button that opened it when it closes.
  useEffect(() => {
    const opener = document.activeElement;
    input.current?.focus();
    input.current?.select();
    return () => giveFocusBack(opener);
  }, []);
  return (
    <form class="card" data-testid="next-wave-form" onSubmit={submit} noValidate>
      <label for={inputId}>{t('studies.nextWaveLabel')}</label>
      <input
        ref={input}
        id={inputId}
        data-testid="next-wave-label"
        value={label}
        aria-invalid={!!refused}
        aria-describedby={refused ? 'next-wave-error' : 'next-wave-help'}
        onInput={(e) => setLabel(e.currentTarget.value)}
      />
      <FieldProblem id="next-wave-error" problem={refused} />
      <p class="muted small" id="next-wave-help">
        {t('studies.nextWaveHelp')}
      </p>
      <FailureAlert failure={failure} testId="next-wave-failure" />
      <FormActions
        submitTestId="next-wave-open"
        submitLabel={t('studies.nextWaveOpen')}
        cancelLabel={t('studies.cancel')}
        busy={busy}
        onCancel={onClose}
      />
    </form>
  );
}
