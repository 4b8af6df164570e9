import { t } from '@/lib/i18n';
import { linesOf } from '@/lib/report';
import { ChartCard, type FigureProps } from './ChartCard';
import { brandColour, brandName, formatPct } from './format';

const W = 760;
const LABEL_W = 190;
const VALUE_W = 70;
const BAR_H = 12;
const GROUP_GAP = 14;
const TOP = 20;

/** The report's brand × criterion chart: a group of bars per criterion, table beneath. */
export function CriterionChart({ rows, brands, labelOf }: FigureProps) {
  const lines = linesOf(rows, 'criterion');
  if (lines.length === 0) return null;
  const title = t('report.criteria');
  const perGroup = (lines[0]?.cells.length ?? 1) * BAR_H + GROUP_GAP;
  const height = TOP + lines.length * perGroup;
  const plotW = W - LABEL_W - VALUE_W;
  const x = (pct: number) => LABEL_W + (plotW * pct) / 100;
  return (
    <ChartCard
      id="criteria"
      title={title}
      dimension="criterion"
      width={W}
      height={height}
      lines={lines}
      brands={brands}
      labelOf={labelOf}
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
    </ChartCard>
  );
}
