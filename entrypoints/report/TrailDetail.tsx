import { useEffect, useState } from 'preact/hooks';
import type { TouchpointEvidence } from '@/lib/report/read';
import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import type { Dimension } from '@/lib/report';
import { EvidenceImage } from './EvidenceImage';
import { brandName, formatPct } from './format';

/** Under an opened "where we trail" row: the touchpoints behind it, with their screenshots. */
export function TrailDetail({
  brands,
  load,
  labelOf,
}: {
  brands: readonly Brand[];
  load: () => Promise<TouchpointEvidence[]>;
  labelOf: (dimension: Dimension, key: string) => string;
}) {
  const [items, setItems] = useState<TouchpointEvidence[] | undefined>();
  useEffect(() => {
    let live = true;
    void load().then((found) => live && setItems(found));
    return () => {
      live = false;
    };
    // Loaded once per opening: the row closes and reopens to load again.
  }, []);
  if (!items) return <p class="muted">{t('report.trail.loading')}</p>;
  if (items.length === 0) return <p class="muted">{t('report.trail.empty')}</p>;
  return (
    <ul class="behind-list" data-testid="report-trail-detail">
      {items.map(({ brandId, touchpoint: tp, score, evidence }) => (
        <li key={tp.id} class="behind-item" data-testid="report-trail-touchpoint">
          <div class="behind-text">
            <strong>{brandName([...brands], brandId)}</strong> · {labelOf('category', tp.category)}{' '}
            · {labelOf('stage', tp.stage)}
            <div>
              {formatPct(score.pct)}
              {score.criticalFail && (
                <span class="tag critical"> {t('report.trail.critical')}</span>
              )}
            </div>
            {tp.pageTitle && <div class="muted">{tp.pageTitle}</div>}
            {tp.url && <div class="muted url">{tp.url}</div>}
            {tp.notes && <p class="notes">{tp.notes}</p>}
          </div>
          <div class="behind-evidence">
            {evidence.length === 0 && <span class="muted">{t('report.trail.noEvidence')}</span>}
            {evidence.map((e) => (
              <EvidenceImage key={e.id} evidence={e} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
