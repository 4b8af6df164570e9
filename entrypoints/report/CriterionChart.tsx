import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { linesOf, type ComparisonRow, type Dimension } from '@/lib/report';
import { ChartLegend } from './ChartLegend';
import { FigureTable } from './FigureTable';
import { brandColour, brandName, formatPct } from './format';

const W = 760;
const LABEL_W = 190;
const VALUE_W = 70;
const BAR_H = 12;
const GROUP_GAP = 14;
const TOP = 20;

/** The report's brand × criterion chart: a group of bars per criterion, table beneath. */
export function CriterionChart({
  rows,
  brands,
  labelOf,
}: {
  rows: readonly ComparisonRow[];
  brands: readonly Brand[];
  labelOf: (dimension: Dimension, key: string) => string;
}) {
  const lines = linesOf(rows, 'criterion');
  if (lines.length === 0) return null;
  const title = t('report.criteria');
  const perGroup = (lines[0]?.cells.length ?? 1) * BAR_H + GROUP_GAP;
  const height = TOP + lines.length * perGroup;
  const plotW = W - LABEL_W - VALUE_W;
  const x = (pct: number) => LABEL_W + (plotW * pct) / 100;
  return (
    <section class="card chart" aria-labelledby="criteria-title">
      <h2 id="criteria-title">{title}</h2>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={t('report.chartTitle', { title })}
        data-testid="report-chart-criterion"
      >
        {[0, 50, 100].map((v) => (
          <g key={v} class="grid">
            <line x1={x(v)} x2={x(v)} y1={TOP - 4} y2={height - GROUP_GAP / 2} />
            <text x={x(v)} y={TOP - 8} text-anchor="middle">
              {t('report.pct', { score: v })}
            </text>
          </g>
        ))}
        {lines.map(({ key, cells }, g) => {
          const top = TOP + g * perGroup;
          return (
            <g key={key}>
              <text
                class="axis"
                x={LABEL_W - 8}
                y={top + (cells.length * BAR_H) / 2 + 4}
                text-anchor="end"
              >
                {labelOf('criterion', key)}
              </text>
              {cells.map((cell, b) => (
                <g key={cell.brandId}>
                  <rect
                    x={LABEL_W}
                    y={top + b * BAR_H}
                    width={Math.max(0, x(cell.scorePct ?? 0) - LABEL_W)}
                    height={BAR_H - 2}
                    fill={brandColour(brands, cell.brandId)}
                  >
                    <title>
                      {brandName([...brands], cell.brandId)} · {labelOf('criterion', key)}:{' '}
                      {formatPct(cell.scorePct)}
                    </title>
                  </rect>
                  <text class="value" x={x(cell.scorePct ?? 0) + 4} y={top + b * BAR_H + BAR_H - 3}>
                    {formatPct(cell.scorePct)}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <ChartLegend brands={brands} />
      <FigureTable
        title={title}
        dimension="criterion"
        lines={lines}
        brands={brands}
        labelOf={labelOf}
      />
    </section>
  );
}
