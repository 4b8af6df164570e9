import { useLiveQuery } from '@/hooks/use-live-query';
import { getDb } from '@/lib/db';
import { categoryLabel, t } from '@/lib/i18n';
import type { Touchpoint } from '@/lib/model';

/**
 * Touchpoints page, in a re-audit's detail: the earlier wave's touchpoint it re-audits, and how
 * its element was found again (and whether its text changed).
 */
export function ReauditOf({ touchpoint: tp }: { touchpoint: Touchpoint }) {
  const earlier = useLiveQuery(async () => {
    const db = getDb();
    const old = tp.previousId ? await db.touchpoints.get(tp.previousId) : undefined;
    const audit = old && (await db.audits.get(old.auditId));
    return { old, wave: audit?.wave ?? '' };
  }, [tp.previousId]);
  if (!tp.previousId || !earlier) return null;
  const { old, wave } = earlier;
  const label = old ? old.notes || old.anchor?.text || '' : '';
  const what = old
    ? `${categoryLabel(old.category)}${label ? ` “${label.slice(0, 80)}”` : ''}`
    : tp.previousId;
  return (
    <p class="small" data-testid="touchpoint-reaudits" data-relocated-by={tp.relocatedBy}>
      {t('touchpoints.reaudits', { what, wave })}
      {tp.relocatedBy && ` · ${t(`touchpoints.relocated.${tp.relocatedBy}`)}`}
      {tp.textChanged && ` · ${t('touchpoints.textChanged')}`}
    </p>
  );
}
