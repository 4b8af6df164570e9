import { t } from '@/lib/i18n';
import { linesOf } from '@/lib/report';
import { ChartCard, type FigureProps } from './ChartCard';
import { brandColour, brandName, formatPct, wrapLabel } from './format';

const W = 760;
/** The label column's width: as wide as the longest name needs, between these. */
const LABEL_MIN_W = 150;
const LABEL_MAX_W = 300;
/** A wide character of the axis type (12 px): widths are estimated from character counts. */
const CHAR_W = 7.5;
/** Line height of a criterion's name when it takes two lines. */
const LINE_H = 13;
const VALUE_W = 70;
const BAR_H = 12;
const GROUP_GAP = 14;
const TOP = 20;

/** The report's brand × criterion chart: a group of bars per criterion, table beneath. */
export function CriterionChart({ rows, brands, labelOf }: FigureProps) {
  const lines = linesOf(rows, 'criterion');
  if (lines.length === 0) return null;
  const title = t('report.criteria');
  // Criterion names run from a few characters to a sentence, longer in some languages: the
  // label column grows to the longest (to a limit), and a longer name takes two lines.
  const names = new Map(lines.map(({ key }) => [key, labelOf('criterion', key)]));
  const longest = Math.max(...[...names.values()].map((n) => n.length));
  const labelW = Math.min(LABEL_MAX_W, Math.max(LABEL_MIN_W, Math.ceil(longest * CHAR_W) + 12));
  const perLine = Math.floor((labelW - 12) / CHAR_W);
  const perGroup = Math.max(2 * LINE_H, (lines[0]?.cells.length ?? 1) * BAR_H) + GROUP_GAP;
  const height = TOP + lines.length * perGroup;
  const plotW = W - labelW - VALUE_W;
  const x = (pct: number) => labelW + (plotW * pct) / 100;
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
        const name = names.get(key)!;
        const nameLines = wrapLabel(name, perLine);
        const middle = top + (cells.length * BAR_H) / 2 + 4;
        return (
          <g key={key}>
            <text
              class="axis"
              x={labelW - 8}
              y={middle - ((nameLines.length - 1) * LINE_H) / 2}
              text-anchor="end"
            >
              {nameLines.length === 1
                ? name
                : nameLines.map((line, i) => (
                    <tspan key={i} x={labelW - 8} dy={i === 0 ? 0 : LINE_H}>
                      {line}
                    </tspan>
                  ))}
            </text>
            {cells.map((cell, b) => (
              <g key={cell.brandId}>
                <rect
                  x={labelW}
                  y={top + b * BAR_H}
                  width={Math.max(0, x(cell.scorePct ?? 0) - labelW)}
                  height={BAR_H - 2}
                  fill={brandColour(brands, cell.brandId)}
                >
                  <title>
                    {brandName([...brands], cell.brandId)} · {name}: {formatPct(cell.scorePct)}
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
