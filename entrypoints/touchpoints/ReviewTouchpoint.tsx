import { useLiveQuery } from '@/hooks/use-live-query';
import { getDb, listEvidenceOf } from '@/lib/db';
import { categoryLabel, channelLabel, formatPct, stageLabel, t } from '@/lib/i18n';
import type { Rubric, Touchpoint } from '@/lib/model';
import { criteriaFor } from '@/lib/rubric/criteria';
import { scoreTouchpoint } from '@/lib/scoring';
import { CommentList } from './CommentList';
import { EvidenceList } from './EvidenceView';

/** Props of {@link ReviewTouchpoint}. */
export interface ReviewTouchpointProps {
  touchpoint: Touchpoint;
  rubric: Rubric;
}

/** Touchpoints page, review queue: one touchpoint as the lead checks it — evidence, scores, notes. */
export function ReviewTouchpoint({ touchpoint: tp, rubric }: ReviewTouchpointProps) {
  const evidence = useLiveQuery(() => listEvidenceOf(getDb(), tp.id), [tp.id]);
  const score = scoreTouchpoint(tp, rubric);
  return (
    <article class="review-touchpoint" data-testid="review-touchpoint" data-id={tp.id}>
      <h3>
        {categoryLabel(tp.category)} · {stageLabel(tp.stage)} · {channelLabel(tp.channel)}
        {score.pct != null && ` · ${formatPct(score.pct)}`}
        {score.criticalFail && <span class="tag danger">{t('touchpoints.criticalFail')}</span>}
      </h3>
      <p class="muted small">
        {tp.pageTitle ?? ''} {tp.url ?? ''}
      </p>
      <EvidenceList touchpoint={tp} evidence={evidence} />
      <h4>{t('review.scores')}</h4>
      <dl class="facts" data-testid="review-scores">
        {criteriaFor(rubric, tp.category).map((c) => {
          const value = Object.hasOwn(tp.scores, c.id) ? tp.scores[c.id] : undefined;
          return [
            <dt key={`${c.id}-t`}>{c.label || c.id}</dt>,
            <dd key={`${c.id}-d`}>{value === undefined ? t('review.notScored') : value}</dd>,
          ];
        })}
      </dl>
      <h4>{t('review.notes')}</h4>
      <p data-testid="review-notes">
        {tp.notes || <span class="muted">{t('review.noNotes')}</span>}
      </p>
      <CommentList comments={tp.comments ?? []} />
    </article>
  );
}
