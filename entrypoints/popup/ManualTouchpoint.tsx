import { useRef, useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { FormActions } from '@/components/FormActions';
import { FileInput } from '@/components/FileInput';
import { TouchpointForm } from '@/components/TouchpointForm';
import {
  createManualTouchpoint,
  discardManualDraft,
  keepManualPhoto,
  MAX_EVIDENCE_BYTES,
  type KeptManualTouchpoint,
} from '@/lib/audit';
import { getDb, listCategories } from '@/lib/db';
import { useAction } from '@/hooks/use-action';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useSerialWrites } from '@/hooks/use-serial-writes';
import { checkImageBytes } from '@/lib/backup/image-check';
import { describeProblemAt, t } from '@/lib/i18n';
import { sendToBackground, type TouchpointForm as FormValue } from '@/lib/messaging';
import type { Rubric } from '@/lib/model';
import { problem, type Problem } from '@/lib/result';

/** The popup words the problems a shopper meets for a picked file in its own way. */
function failureText(failure: Problem): string {
  const { code, params } = failure;
  if (code === 'backup.image.too-many-pixels') return t('manual.tooManyPixels', params);
  if (code === 'backup.image.not-an-image') return t('manual.notAnImage');
  return describeProblemAt(failure);
}

/** Props of {@link ManualTouchpoint}. */
export interface ManualTouchpointProps {
  /** The study's pinned rubric. */
  rubric: Rubric;
  /** The form and photo as the shopper left them when the popup last closed (`manualDraftOf`). */
  kept?: KeptManualTouchpoint | undefined;
  onDone: () => void;
}

/**
 * Popup: records an off-page touchpoint (call, store visit, parcel) with the tagger's form. The
 * popup closes as soon as the shopper clicks anywhere else, so the form is kept at every change
 * and brought back the next time (`keepManualDraft`).
 */
export function ManualTouchpoint({ rubric, kept, onDone }: ManualTouchpointProps) {
  const db = getDb();
  const categories = useLiveQuery(() => listCategories(db), []);
  const [value, setValue] = useState<FormValue>({
    category: 'customer_support',
    stage: 'retention',
    channel: 'phone',
    scores: {},
    notes: '',
    ...kept?.form,
    includeFieldValues: false,
  });
  // The photo picked, or the one kept from before the popup closed (the file input cannot be
  // given it back: it is named beside the input instead).
  const [file, setFile] = useState<Blob | null>(kept?.photo?.blob ?? null);
  const [keptPhoto, setKeptPhoto] = useState(kept?.photo?.name ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  const { busy, failure, setFailure, run } = useAction();
  const after = useSerialWrites(setFailure);

  const change = (next: FormValue) => {
    setValue(next);
    // Sent at once and written by the background: the popup closes the moment the shopper
    // clicks elsewhere, and a write of its own, still under way, would be cut off with it (the
    // last words typed lost). The background writes them in the order sent; Save and Cancel
    // wait for the answers.
    const sent = sendToBackground('keepManualDraft', { form: next });
    void after(async () => {
      const keptNow = await sent;
      if (!keptNow.ok) setFailure(keptNow.error);
    });
  };
  const pick = (picked: File | null) => {
    setFile(picked);
    setKeptPhoto('');
    // The form is kept with it: a photo is picked first as often as last.
    const sent = sendToBackground('keepManualDraft', { form: value });
    void after(async () => {
      const keptNow = await sent;
      if (keptNow.ok) await keepManualPhoto(db, picked && { blob: picked, name: picked.name });
      else setFailure(keptNow.error);
    });
  };
  const cancel = () => void after(() => discardManualDraft(db)).then(onDone);

  const save = async (e: Event) => {
    e.preventDefault();
    // The last change kept first: the save forgets the kept form, which must not come back.
    await after(async () => undefined);
    if (file && file.size > MAX_EVIDENCE_BYTES) {
      setFailure(problem('manual.tooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 }));
      return;
    }
    const image = file && checkImageBytes(new Uint8Array(await file.arrayBuffer()));
    if (image && !image.ok) {
      setFailure(image.error);
      return;
    }
    await run(async () => {
      const { category, stage, channel, scores, notes } = value;
      const saved = await createManualTouchpoint(
        db,
        { category, stage, channel, scores, notes },
        file,
        new Date(),
      );
      if (saved.ok) onDone();
      else setFailure(saved.error);
    });
  };

  return (
    <form ref={formRef} class="stack" data-testid="manual-form" onSubmit={save} noValidate>
      <h2>{t('manual.title')}</h2>
      {kept && (
        <p role="status" class="muted" data-testid="manual-restored">
          {t('manual.restored')}
        </p>
      )}
      {categories && (
        <TouchpointForm
          rubric={rubric}
          categories={categories}
          value={value}
          onChange={change}
          onSaveShortcut={() => formRef.current?.requestSubmit()}
        />
      )}
      <FileInput
        label={t('manual.evidence')}
        testId="manual-evidence"
        accept="image/jpeg,image/png,image/webp"
        kept={keptPhoto}
        onChange={(input) => pick(input.files?.[0] ?? null)}
      />
      {keptPhoto && (
        <p class="small" data-testid="manual-evidence-kept">
          {t('manual.photoKept', { name: keptPhoto })}{' '}
          <button type="button" data-testid="manual-evidence-remove" onClick={() => pick(null)}>
            {t('manual.photoRemove')}
          </button>
        </p>
      )}
      <FailureAlert failure={failure} testId="manual-failed" text={failureText} />
      <FormActions
        submitTestId="manual-save"
        submitLabel={t('manual.save')}
        cancelLabel={t('manual.cancel')}
        busy={busy}
        onCancel={cancel}
      />
    </form>
  );
}
