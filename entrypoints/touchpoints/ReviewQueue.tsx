import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useUnsavedEdits } from '@/hooks/use-unsaved-edits';
import { getDb, getSetting } from '@/lib/db';
import { formatDateTime, reviewStateLabel, t } from '@/lib/i18n';
import type { Audit, Brand, Rubric } from '@/lib/model';
import { reviewQueue } from '@/lib/review';
import { ReviewAudit } from './ReviewAudit';
import { ReviewerName } from './ReviewerName';

/** Props of {@link ReviewQueue}. */
export interface ReviewQueueProps {
  /** The study's audits, brands and pinned rubric; undefined while they are read. */
  audits: readonly Audit[] | undefined;
  brands: readonly Brand[] | undefined;
  rubric: Rubric | undefined;
}

/**
 * Touchpoints page, review mode: the study's audits in queue order (submitted, returned,
 * approved), and the selected one to review. Asks the lead's name first, once. Mounted with
 * the page, so the name is read while the study's records are.
 */
export function ReviewQueue({ audits, brands, rubric }: ReviewQueueProps) {
  const reviewer = useLiveQuery(() => getSetting(getDb(), 'reviewerName'), []);
  const [selectedId, setSelectedId] = useState<string>();
  // Kept across the audits the lead opens: a comment typed and not added, by touchpoint, and
  // the touchpoint each audit was left on.
  const comments = useUnsavedEdits<string>();
  const [positions, setPositions] = useState<ReadonlyMap<string, number>>(new Map());
  const queue = reviewQueue(audits ?? []);
  const selected = queue.find((a) => a.id === selectedId) ?? queue[0];
  // Keep the audit shown once chosen: a decision moves it in the queue, not off the screen.
  useEffect(() => {
    if (selected && selected.id !== selectedId) setSelectedId(selected.id);
  }, [selected?.id]);
  if (reviewer === undefined || !audits || !brands || !rubric) return null;
  // In a landmark like the queue it stands for, so screen readers find it.
  if (!reviewer)
    return (
      <main>
        <ReviewerName />
      </main>
    );
  const brandOf = (a: Audit) => brands.find((b) => b.id === a.brandId);

  return (
    <main class="review" data-testid="review-queue">
      <nav aria-labelledby="review-queue-title">
        <h2 id="review-queue-title">{t('review.queue')}</h2>
        <p class="muted small">{t('review.reviewer.is', { name: reviewer })}</p>
        {queue.length === 0 ? (
          <p class="muted" data-testid="review-queue-empty">
            {t('review.queue.empty')}
          </p>
        ) : (
          <ul>
            {queue.map((a) => (
              <li key={a.id}>
                <button
                  class="queue-item"
                  data-testid="review-queue-item"
                  data-id={a.id}
                  data-state={a.review}
                  aria-current={a.id === selected?.id ? 'true' : undefined}
                  onClick={() => setSelectedId(a.id)}
                >
                  {t('review.queue.item', {
                    brand: brandOf(a)?.name ?? '?',
                    shopper: a.shopper,
                    date: formatDateTime(a.startedAt),
                    state: reviewStateLabel(a.review),
                  })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      {selected && (
        <ReviewAudit
          key={selected.id}
          audit={selected}
          brand={brandOf(selected)}
          rubric={rubric}
          reviewer={reviewer}
          comments={comments}
          start={positions.get(selected.id)}
          onMove={(index) => setPositions((before) => new Map(before).set(selected.id, index))}
        />
      )}
    </main>
  );
}
