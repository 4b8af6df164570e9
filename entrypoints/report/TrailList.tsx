import { useState } from 'preact/hooks';
import type { TouchpointEvidence } from '@/lib/report/read';
import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { whereWeTrail, type ComparisonRow, type Dimension, type TrailRow } from '@/lib/report';
import { brandName, formatPct, formatPoints } from './format';
import { TrailDetail } from './TrailDetail';

/** The report's "where we trail" list: own brand's furthest-behind rows, each openable. */
export function TrailList({
  rows,
  brands,
  ownBrandId,
  labelOf,
  loadBehind,
}: {
  rows: readonly ComparisonRow[];
  brands: readonly Brand[];
  ownBrandId: string | undefined;
  labelOf: (dimension: Dimension, key: string) => string;
  /** Reads the touchpoints behind a row (own brand's and the best competitor's). */
  loadBehind: (row: TrailRow) => Promise<TouchpointEvidence[]>;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const trail = ownBrandId ? whereWeTrail(rows, ownBrandId) : [];
  return (
    <section class="card" aria-labelledby="trail-title">
      <h2 id="trail-title">{t('report.trail')}</h2>
      <p class="muted">{t('report.trail.intro')}</p>
      {!ownBrandId && <p>{t('report.trail.noOwn')}</p>}
      {ownBrandId && trail.length === 0 && <p>{t('report.trail.none')}</p>}
      <ol class="trail" data-testid="report-trail">
        {trail.map((row) => {
          const id = `${row.dimension}:${row.key}`;
          const expanded = open === id;
          return (
            <li
              key={id}
              data-testid="report-trail-row"
              data-dimension={row.dimension}
              data-key={row.key}
            >
              <div class="trail-line">
                <span class="dim muted">{t(`report.dimension.${row.dimension}` as const)}</span>
                <strong>{labelOf(row.dimension, row.key)}</strong>
                <span>
                  {t('report.trail.versus', {
                    own: formatPct(row.own.scorePct),
                    best: formatPct(row.best.scorePct),
                  })}
                </span>
                <span class="behind">
                  {t('report.trail.behind', {
                    points: formatPoints(row.behindBy),
                    brand: brandName([...brands], row.best.brandId),
                  })}
                </span>
                <button
                  type="button"
                  class="no-print"
                  aria-expanded={expanded}
                  data-testid="report-trail-open"
                  onClick={() => setOpen(expanded ? null : id)}
                >
                  {expanded ? t('report.trail.close') : t('report.trail.open')}
                </button>
              </div>
              {expanded && (
                <TrailDetail brands={brands} load={() => loadBehind(row)} labelOf={labelOf} />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
