import { Fragment } from 'preact';
import { browser } from 'wxt/browser';
import { getDb, listEvidenceOf } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/hooks';
import { categoryLabel, channelLabel, stageLabel, t } from '@/lib/i18n';
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

/**
 * Touchpoints page: one touchpoint opened — its evidence at full size, its scores, delete and
 * "show on page". Editing arrives with components/TouchpointForm (the tagger's scoring form).
 */
export function TouchpointDetail({ touchpoint: tp, rubric, categories, onDelete, onClose }: TouchpointDetailProps) {
  const db = getDb();
  const evidence = useLiveQuery(() => listEvidenceOf(db, tp.id), [tp.id]);
  // "Show on page" opens the URL; highlighting the anchor there comes with a later tagger
  // feature (TODO(2026-11-22): pass the touchpoint id so the tagger can re-find its anchor).
  const showOnPage = () => openable(tp.url) && void browser.tabs.create({ url: tp.url });
  const custom = categories.find((c) => c.id === tp.category);

  return (
    <aside class="detail" data-testid="touchpoint-detail">
      <p class="muted small">
        {tp.pageTitle ?? ''} {tp.url ?? ''}
      </p>
      {evidence?.map((e) => <EvidenceView key={e.id} evidence={e} />)}
      {evidence?.length === 0 && <p class="muted small">{t('touchpoints.noEvidence')}</p>}
      <dl class="facts">
        <dt>{t('touchpoints.category')}</dt>
        <dd>{categoryLabel(tp.category, custom)}</dd>
        <dt>{t('touchpoints.stage')}</dt>
        <dd>{stageLabel(tp.stage)}</dd>
        <dt>{t('manual.channel')}</dt>
        <dd>{channelLabel(tp.channel)}</dd>
        {rubric.criteria.map((c) => (
          <Fragment key={c.id}>
            <dt>{c.label}</dt>
            <dd>{tp.scores[c.id] ?? '—'}</dd>
          </Fragment>
        ))}
      </dl>
      <p class="notes">{tp.notes}</p>
      <div class="actions">
        {openable(tp.url) && (
          <button data-testid="touchpoint-show-on-page" onClick={showOnPage}>
            {t('touchpoints.showOnPage')}
          </button>
        )}
        <button data-testid="touchpoint-delete" onClick={onDelete}>
          {t('touchpoints.delete')}
        </button>
        <button onClick={onClose}>{t('touchpoints.close')}</button>
      </div>
    </aside>
  );
}
