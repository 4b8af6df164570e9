import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TouchpointForm } from '@/components/TouchpointForm';
import { getDb, listEvidenceOf, updateTouchpoint } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/hooks';
import { t } from '@/lib/i18n';
import type { TouchpointForm as FormValue } from '@/lib/messaging';
import type { Category, Rubric, Touchpoint } from '@/lib/model';
import { EvidenceView } from './EvidenceView';

/** Props of {@link TouchpointDetail}. */
export interface TouchpointDetailProps {
  touchpoint: Touchpoint;
  /** The study's pinned rubric. */
  rubric: Rubric;
  categories: readonly Category[];
  onSaved: (tp: Touchpoint) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** Whether a URL can be opened in a tab ("show on page"). */
const openable = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/** Touchpoints page: one touchpoint opened — its evidence at full size, and its correction. */
export function TouchpointDetail({ touchpoint: tp, rubric, categories, onSaved, onDelete, onClose }: TouchpointDetailProps) {
  const db = getDb();
  const evidence = useLiveQuery(() => listEvidenceOf(db, tp.id), [tp.id]);
  const [value, setValue] = useState<FormValue>({
    category: tp.category,
    stage: tp.stage,
    channel: tp.channel,
    scores: { ...tp.scores },
    notes: tp.notes,
    includeFieldValues: false,
  });
  const [saved, setSaved] = useState(false);

  const save = async () => {
    const { category, stage, channel, scores, notes } = value;
    const next = await updateTouchpoint(db, tp.id, { category, stage, channel, scores, notes }, new Date());
    if (next) onSaved(next);
    setSaved(true);
  };
  // "Show on page" opens the URL; highlighting the anchor there comes with a later tagger
  // feature (TODO(2026-11-22): pass the touchpoint id so the tagger can re-find its anchor).
  const showOnPage = () => openable(tp.url) && void browser.tabs.create({ url: tp.url });

  return (
    <aside class="detail" data-testid="touchpoint-detail">
      <p class="muted small">
        {tp.pageTitle ?? ''} {tp.url ?? ''}
      </p>
      {evidence?.map((e) => <EvidenceView key={e.id} evidence={e} />)}
      {evidence?.length === 0 && <p class="muted small">{t('touchpoints.noEvidence')}</p>}
      <TouchpointForm
        rubric={rubric}
        categories={[...categories]}
        value={value}
        onChange={(v: FormValue) => {
          setValue(v);
          setSaved(false);
        }}
      />
      <div class="actions">
        <button class="primary" data-testid="touchpoint-save" onClick={() => void save()}>
          {t('touchpoints.save')}
        </button>
        {openable(tp.url) && (
          <button data-testid="touchpoint-show-on-page" onClick={showOnPage}>
            {t('touchpoints.showOnPage')}
          </button>
        )}
        <button data-testid="touchpoint-delete" onClick={onDelete}>
          {t('touchpoints.delete')}
        </button>
        <button onClick={onClose}>{t('touchpoints.close')}</button>
        {saved && <span class="muted" data-testid="touchpoint-saved">{t('touchpoints.saved')}</span>}
      </div>
    </aside>
  );
}
