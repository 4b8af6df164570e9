import { useEffect, useRef, useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { TouchpointForm } from '@/components/TouchpointForm';
import { getDb, getSetting, listEvidenceOf, reviewAudit, updateTouchpoint } from '@/lib/db';
import { useAction } from '@/hooks/use-action';
import { giveFocusBack } from '@/lib/util/focus';
import { useLiveQuery } from '@/hooks/use-live-query';
import { describeProblem, t } from '@/lib/i18n';
import type { TouchpointForm as FormValue } from '@/lib/messaging';
import type { Audit, Category, Rubric, Touchpoint } from '@/lib/model';
import { isEditable } from '@/lib/review';
import { caught } from '@/lib/result';
import { CommentList } from './CommentList';
import { EvidenceList } from './EvidenceView';
import { ReauditOf } from './ReauditOf';
import { showOnPage, type ShownOnPage } from './show-on-page';

/** Props of {@link TouchpointDetail}. */
export interface TouchpointDetailProps {
  touchpoint: Touchpoint;
  /** Its audit: while the audit is approved, the touchpoint is read-only. */
  audit?: Audit;
  /** The study's pinned rubric. */
  rubric: Rubric;
  categories: readonly Category[];
  /** The shopper's edits of it not saved yet, kept while they looked at another touchpoint. */
  kept?: FormValue | undefined;
  /** Hears every edit, and null once it is saved or discarded. */
  onEdit?: (value: FormValue | null) => void;
  onSaved: (tp: Touchpoint) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** Whether a URL can be opened in a tab ("show on page"). */
const openable = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/** Touchpoints page: one touchpoint opened — its evidence at full size, and its correction. */
export function TouchpointDetail({
  touchpoint: tp,
  audit,
  rubric,
  categories,
  kept,
  onEdit = () => undefined,
  onSaved,
  onDelete,
  onClose,
}: TouchpointDetailProps) {
  const db = getDb();
  const evidence = useLiveQuery(() => listEvidenceOf(db, tp.id), [tp.id]);
  const stored = (): FormValue => ({
    category: tp.category,
    stage: tp.stage,
    channel: tp.channel,
    scores: { ...tp.scores },
    notes: tp.notes,
    includeFieldValues: false,
  });
  const [value, setValue] = useState<FormValue>(() => kept ?? stored());
  // Brought back from an earlier look at it (not the edits made since it opened).
  const [restored] = useState(() => !!kept);
  const [dirty, setDirty] = useState(restored);
  const [saved, setSaved] = useState(false);
  const [shown, setShown] = useState<ShownOnPage | null>(null);
  const { failure, setFailure, run } = useAction();
  const readOnly = !!audit && !isEditable(audit);
  const reopen = (approved: Audit) =>
    run(async () => {
      // The lead's name from the review queue; the approver's when it was never given here.
      const by = (await getSetting(db, 'reviewerName')) || approved.reviewedBy || '';
      const moved = await reviewAudit(db, approved.id, 'reopen', by, new Date());
      if (!moved.ok) setFailure(moved.error);
    });

  const save = () => {
    const { category, stage, channel, scores, notes } = value;
    return run(async () => {
      const next = await updateTouchpoint(
        db,
        tp.id,
        { category, stage, channel, scores, notes },
        new Date(),
      );
      if (next) onSaved(next);
      setSaved(true);
      setDirty(false);
      onEdit(null);
    });
  };
  const discard = () => {
    setValue(stored());
    setDirty(false);
    onEdit(null);
  };
  const show = async (url: string) => {
    setShown(tp.anchor ? { matched: null, text: t('touchpoints.show.opening') } : null);
    try {
      setShown(await showOnPage(url, tp.anchor));
    } catch (error) {
      const message = describeProblem(caught(error));
      setShown({ matched: null, text: t('touchpoints.show.failed', { message }) });
    }
  };
  // Off-page (manual) touchpoints have no page to show.
  const pageUrl = tp.source === 'page' && openable(tp.url) ? tp.url : null;

  // The detail comes after the whole list in the page's order: opened, it takes the focus (its
  // first field, or itself when nothing can be edited), Escape closes it, and the focus goes
  // back to what opened it.
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    const first = box.current?.querySelector('select');
    const editable = first && !first.disabled && !first.closest('fieldset[disabled]');
    (editable ? first : box.current)?.focus();
    return () => giveFocusBack(opener);
  }, [tp.id]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented) return;
    e.preventDefault();
    onClose();
  };

  return (
    <aside
      ref={box}
      class="detail"
      data-testid="touchpoint-detail"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <p class="muted small">
        {tp.pageTitle ?? ''} {tp.url ?? ''}
      </p>
      <ReauditOf touchpoint={tp} />
      <EvidenceList touchpoint={tp} evidence={evidence} />
      {readOnly && audit && (
        <p class="notice" data-testid="touchpoint-read-only">
          {t('review.approvedReadOnly')}{' '}
          <button data-testid="touchpoint-reopen" onClick={() => void reopen(audit)}>
            {t('review.reopen')}
          </button>
        </p>
      )}
      {restored && dirty && (
        <p class="notice" role="status" data-testid="touchpoint-unsaved-back">
          {t('touchpoints.unsavedBack')}
        </p>
      )}
      <fieldset class="plain" disabled={readOnly}>
        <TouchpointForm
          rubric={rubric}
          categories={[...categories]}
          value={value}
          onChange={(v: FormValue) => {
            setValue(v);
            setSaved(false);
            setDirty(true);
            onEdit(v);
          }}
          onSaveShortcut={() => {
            if (!readOnly) void save();
          }}
        />
      </fieldset>
      {(tp.comments?.length ?? 0) > 0 && <CommentList comments={tp.comments ?? []} />}
      <div class="actions">
        <button
          class="primary"
          data-testid="touchpoint-save"
          disabled={readOnly}
          onClick={() => void save()}
        >
          {t('touchpoints.save')}
        </button>
        {pageUrl && (
          <button data-testid="touchpoint-show-on-page" onClick={() => void show(pageUrl)}>
            {t('touchpoints.showOnPage')}
          </button>
        )}
        {shown && (
          <span
            data-testid="show-on-page-status"
            data-matched={shown.matched ?? undefined}
            role="status"
          >
            <span class="muted" data-testid="touchpoint-show-result">
              {shown.text}
            </span>
          </span>
        )}
        {dirty && (
          <button data-testid="touchpoint-discard" onClick={discard}>
            {t('touchpoints.discard')}
          </button>
        )}
        <button data-testid="touchpoint-delete" disabled={readOnly} onClick={onDelete}>
          {t('touchpoints.delete')}
        </button>
        <button onClick={onClose}>{t('touchpoints.close')}</button>
        {saved && (
          <span class="muted" data-testid="touchpoint-saved">
            {t('touchpoints.saved')}
          </span>
        )}
        <FailureAlert failure={failure} testId="touchpoint-save-failed" />
      </div>
    </aside>
  );
}
