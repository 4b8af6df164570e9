import { t } from '@/lib/i18n';
import type { ReviewComment } from '@/lib/model';

/** Touchpoints page (review queue and a touchpoint's detail): the lead's comments on it. */
export function CommentList({ comments }: { comments: readonly ReviewComment[] }) {
  return (
    <section class="comments" aria-label={t('review.comments')}>
      <h4>{t('review.comments')}</h4>
      {comments.length === 0 ? (
        <p class="muted small">{t('review.noComments')}</p>
      ) : (
        <ul data-testid="review-comments">
          {comments.map((c) => (
            <li key={c.id} data-testid="review-comment-item">
              <span class="muted small">
                {t('review.commentBy', { by: c.by, at: c.at.slice(0, 16).replace('T', ' ') })}
              </span>{' '}
              {c.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
