import { useState } from 'preact/hooks';
import { TouchpointForm } from '@/components/TouchpointForm';
import { createManualTouchpoint, evidenceProblem, MAX_EVIDENCE_BYTES } from '@/lib/audit';
import { getDb, listCategories } from '@/lib/db';
import { useLiveQuery } from '@/hooks/use-live-query';
import { checkImageBytes } from '@/lib/backup/image-check';
import { describeProblem, describeProblemAt, t } from '@/lib/i18n';
import type { TouchpointForm as FormValue } from '@/lib/messaging';
import type { Rubric } from '@/lib/model';
import { caught } from '@/lib/result';

/** Props of {@link ManualTouchpoint}. */
export interface ManualTouchpointProps {
  /** The study's pinned rubric. */
  rubric: Rubric;
  onDone: () => void;
}

/** Popup: records an off-page touchpoint (call, store visit, parcel) with the tagger's form. */
export function ManualTouchpoint({ rubric, onDone }: ManualTouchpointProps) {
  const db = getDb();
  const categories = useLiveQuery(() => listCategories(db), []);
  const [value, setValue] = useState<FormValue>({
    category: 'customer_support',
    stage: 'retention',
    channel: 'phone',
    scores: {},
    notes: '',
    includeFieldValues: false,
  });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    if (file && file.size > MAX_EVIDENCE_BYTES) {
      setError(t('manual.tooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 }));
      return;
    }
    const image = file && checkImageBytes(new Uint8Array(await file.arrayBuffer()));
    if (image && !image.ok) {
      // The popup words the problems a shopper meets for a picked file in its own way.
      const { code, params } = image.error;
      setError(
        code === 'backup.image.too-many-pixels'
          ? t('manual.tooManyPixels', params)
          : code === 'backup.image.not-an-image'
            ? t('manual.notAnImage')
            : describeProblemAt(image.error),
      );
      return;
    }
    setBusy(true);
    try {
      const { category, stage, channel, scores, notes } = value;
      await createManualTouchpoint(
        db,
        { category, stage, channel, scores, notes },
        file,
        new Date(),
      );
      onDone();
    } catch (err) {
      const problem = evidenceProblem(err);
      setError(
        problem
          ? t('error.generic', { message: describeProblemAt(problem) })
          : describeProblem(caught(err)),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" data-testid="manual-form" onSubmit={save} noValidate>
      <h2>{t('manual.title')}</h2>
      {categories && (
        <TouchpointForm rubric={rubric} categories={categories} value={value} onChange={setValue} />
      )}
      <label>
        {t('manual.evidence')}
        <input
          type="file"
          data-testid="manual-evidence"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </label>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="manual-save" disabled={busy}>
          {t('manual.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('manual.cancel')}
        </button>
      </div>
    </form>
  );
}
