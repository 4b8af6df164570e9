import { useLiveQuery } from '@/hooks/use-live-query';
import {
  loadLastAuditLeftovers,
  loadReauditChecklist,
  notReaudited,
  type ReauditItem,
} from '@/lib/audit';
import { getDb } from '@/lib/db';
import { categoryLabel, t } from '@/lib/i18n';
import type { Audit } from '@/lib/model';
import { hostAndPath } from '@/lib/util/url';
import { ReauditThumb } from './ReauditThumb';

/** What a row calls the earlier touchpoint: its notes, else the text it was anchored to. */
export const reauditLabel = (item: ReauditItem): string =>
  item.touchpoint.notes || item.touchpoint.anchor?.text || '';

/** Popup: one touchpoint of the previous wave, what became of it, and "Visit again". */
function ReauditRow({ item, onVisit }: { item: ReauditItem; onVisit?: (id: string) => void }) {
  // Without "Visit again" the audit has ended: what was not done is missed, not pending.
  const tp = item.touchpoint;
  const done = !!item.reauditedBy;
  const what = categoryLabel(tp.category);
  return (
    <li data-testid="reaudit-item" data-id={tp.id} data-state={done ? 'done' : 'todo'}>
      <ReauditThumb touchpointId={tp.id} />
      <div class="reaudit-text">
        <strong>{what}</strong>
        <span class="small clip">{reauditLabel(item)}</span>
        <span class="muted small clip">{hostAndPath(tp.url ?? '')}</span>
        <span class={done ? 'small ok' : 'small muted'} data-testid="reaudit-state">
          {t(done ? 'popup.reaudit.done' : onVisit ? 'popup.reaudit.todo' : 'popup.reaudit.missed')}
        </span>
      </div>
      {onVisit && (
        <button
          data-testid="reaudit-visit"
          aria-label={t('popup.reaudit.visitLabel', { what, page: hostAndPath(tp.url ?? '') })}
          onClick={() => onVisit(tp.id)}
        >
          {t('popup.reaudit.visit')}
        </button>
      )}
    </li>
  );
}

/** Props of {@link ReauditList}. */
export interface ReauditListProps {
  audit: Audit;
  onVisit: (previousId: string) => void;
}

/** Popup, under the running audit: the previous wave's touchpoints of its brand to visit again. */
export function ReauditList({ audit, onVisit }: ReauditListProps) {
  const list = useLiveQuery(() => loadReauditChecklist(getDb(), audit), [audit.id]);
  if (!list?.items.length) return null;
  const left = notReaudited(list).length;
  return (
    <section class="stack reaudit" data-testid="reaudit-list" aria-labelledby="reaudit-title">
      <h2 id="reaudit-title">{t('popup.reaudit.title')}</h2>
      <p class="muted small" data-testid="reaudit-summary">
        {t('popup.reaudit.summary', { wave: list.previousWave, left, count: list.items.length })}
      </p>
      <ul class="reaudit-items">
        {list.items.map((item) => (
          <ReauditRow key={item.touchpoint.id} item={item} onVisit={onVisit} />
        ))}
      </ul>
    </section>
  );
}

/** Popup, when no audit runs: what the audit ended last did not re-audit. */
export function ReauditLeftovers() {
  const left = useLiveQuery(() => loadLastAuditLeftovers(getDb()), []);
  if (!left) return null;
  return (
    <section class="stack reaudit" data-testid="reaudit-leftovers" aria-labelledby="leftover-title">
      <h2 id="leftover-title" data-testid="reaudit-leftover-count">
        {t('popup.reaudit.notReaudited', { count: left.items.length })}
      </h2>
      <p class="muted small">{t('popup.reaudit.leftoverOf', { wave: left.previousWave })}</p>
      <ul class="reaudit-items">
        {left.items.map((item) => (
          <ReauditRow key={item.touchpoint.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
