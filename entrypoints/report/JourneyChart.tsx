import { t } from '@/lib/i18n';
import { linesOf } from '@/lib/report';
import { ChartCard, type FigureProps } from './ChartCard';
import { brandColour, brandName, formatPct } from './format';

const W = 760;
const H = 280;
const PAD = { left: 52, right: 24, top: 16, bottom: 44 };
const TICKS = [0, 25, 50, 75, 100];

/** The report's brand × stage chart: one line per brand along the journey, table beneath. */
export function JourneyChart({ rows, brands, labelOf }: FigureProps) {
  const lines = linesOf(rows, 'stage');
  if (lines.length === 0) return null;
  const title = t('report.stages');
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  // Each stage gets an equal band and its point sits in the middle, so edge labels fit.
  const x = (i: number) => PAD.left + (plotW * (i + 0.5)) / lines.length;
  const y = (pct: number) => PAD.top + plotH * (1 - pct / 100);
  const brandIds = lines[0]!.cells.map((c) => c.brandId);
  return (
    <ChartCard
      id="journey"
      title={title}
      dimension="stage"
      width={W}
      height={H}
      lines={lines}
      brands={brands}
      labelOf={labelOf}
    >
      {TICKS.map((v) => (
        <g key={v} class="grid">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 8} y={y(v) + 4} text-anchor="end">
            {t('report.pct', { score: v })}
          </text>
        </g>
      ))}
      {lines.map(({ key }, i) => (
        <text key={key} class="axis" x={x(i)} y={H - PAD.bottom + 20} text-anchor="middle">
          {labelOf('stage', key)}
        </text>
      ))}
      {brandIds.map((brandId, b) => {
        const colour = brandColour(brands, brandId);
        // A stage without a score breaks the line rather than dropping to 0.
        let d = '';
        let pen = false;
        lines.forEach(({ cells }, i) => {
          const pct = cells[b]?.scorePct ?? null;
          if (pct === null) pen = false;
          else {
            d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(pct).toFixed(1)}`;
            pen = true;
          }
        });
        return (
          <g key={brandId} class="series">
            <path d={d} fill="none" stroke={colour} stroke-width={3} stroke-linejoin="round" />
            {lines.map(({ key, cells }, i) => {
              const cell = cells[b];
              if (!cell || cell.scorePct === null) return null;
              return (
                <circle key={key} cx={x(i)} cy={y(cell.scorePct)} r={5} fill={colour}>
                  <title>
                    {brandName([...brands], brandId)} · {labelOf('stage', key)}:{' '}
                    {formatPct(cell.scorePct)} · {t('report.n', { n: cell.scored })}
                  </title>
                </circle>
              );
            })}
          </g>
        );
      })}
    </ChartCard>
  );
}
