import { t } from '@/lib/i18n';
import { linesOf } from '@/lib/report';
import type { FigureProps } from './ChartCard';
import { BrandHead } from './FigureTable';
import { formatPct, heatColour } from './format';

/** The report's brand × category heatmap: colour by score, n per cell, own-brand gaps marked. */
export function Heatmap({ rows, brands, labelOf }: FigureProps) {
  const lines = linesOf(rows, 'category');
  if (lines.length === 0) return null;
  const brandIds = lines[0]!.cells.map((c) => c.brandId);
  return (
    <section class="card" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t('report.heatmap')}</h2>
      <div class="scroll">
        <table class="heatmap" data-testid="report-heatmap">
          <BrandHead dimension="category" brandIds={brandIds} brands={brands} />
          <tbody>
            {lines.map(({ key, cells }) => (
              <tr key={key} data-category={key}>
                <th scope="row">{labelOf('category', key)}</th>
                {cells.map((c) => (
                  <td
                    key={c.brandId}
                    class={c.gap ? 'heat gap' : 'heat'}
                    style={{ background: heatColour(c.scorePct) }}
                    data-testid="report-heat-cell"
                    data-brand-id={c.brandId}
                    data-gap={c.gap ? 'true' : undefined}
                    title={c.gap ? t('report.heatmap.gapTitle') : undefined}
                  >
                    <span class="score">{formatPct(c.scorePct)}</span>
                    <span class="n">{t('report.n', { n: c.scored })}</span>
                    {c.gap && <span class="gap-mark">{t('report.heatmap.gap')}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="legend muted">{t('report.heatmap.legend')}</p>
    </section>
  );
}
