import {
  categoryLabel,
  channelLabel,
  formatDateTime,
  formatPct,
  reviewStateLabel,
  stageLabel,
  t,
} from '@/lib/i18n';
import type { Audit, Brand, Rubric, Touchpoint } from '@/lib/model';
import { scoreTouchpoint } from '@/lib/scoring';

/** Props of {@link TouchpointRow}. */
export interface TouchpointRowProps {
  touchpoint: Touchpoint;
  audit: Audit | undefined;
  brand: Brand | undefined;
  rubric: Rubric | undefined;
  selected: boolean;
  onOpen: (id: string) => void;
}

/** Touchpoints page: one row of the list — what, where, whose, and its score. */
export function TouchpointRow({
  touchpoint: tp,
  audit,
  brand,
  rubric,
  selected,
  onOpen,
}: TouchpointRowProps) {
  const score = rubric ? scoreTouchpoint(tp, rubric) : undefined;
  return (
    <tr
      data-testid="touchpoint-row"
      data-id={tp.id}
      aria-selected={selected}
      class={score?.criticalFail ? 'critical' : undefined}
    >
      <td>{formatDateTime(tp.createdAt)}</td>
      <td>{brand?.name ?? ''}</td>
      <td>
        {audit?.shopper ?? ''}
        {audit && (
          <span class="tag" data-testid="touchpoint-row-review" data-state={audit.review}>
            {reviewStateLabel(audit.review)}
          </span>
        )}
      </td>
      <td data-testid="touchpoint-row-category">
        {categoryLabel(tp.category)}
        {tp.previousId && (
          <span class="tag" data-testid="touchpoint-row-reaudit">
            {t('touchpoints.reauditTag')}
          </span>
        )}
      </td>
      <td>{stageLabel(tp.stage)}</td>
      <td>
        {channelLabel(tp.channel)}
        {tp.source === 'manual' && <span class="tag">{t('touchpoints.manual')}</span>}
      </td>
      <td class="num" data-testid="touchpoint-row-score">
        {score?.pct == null ? (
          <span class="muted">{t('touchpoints.noScore')}</span>
        ) : (
          formatPct(score.pct)
        )}
        {score?.criticalFail && <span class="tag danger">{t('touchpoints.criticalFail')}</span>}
      </td>
      <td class="notes" title={tp.pageTitle ?? tp.url ?? ''}>
        {tp.notes}
      </td>
      <td>
        <button data-testid="touchpoint-open" onClick={() => onOpen(tp.id)}>
          {t('touchpoints.open')}
        </button>
      </td>
    </tr>
  );
}
