import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { overallSeries, type TrendRow, type WaveComparison } from '@/lib/report';
import type { FigureProps } from './ChartCard';
import { ChartLegend } from './ChartLegend';
import { brandColour, brandName, formatChange, formatPct } from './format';

/** Props of {@link TrendSection}. */
export interface TrendSectionProps {
  /** Every wave's comparison, oldest first, with the change since the previous wave. */
  trend: readonly WaveComparison[];
  /** The wave the rest of the report shows. */
  wave: string;
  brands: readonly Brand[];
  labelOf: FigureProps['labelOf'];
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 44, right: 16, top: 12, bottom: 36 };
/** A wide character of the axis type (11 px): a wave name's width is estimated from it. */
const WAVE_CHAR_W = 7;

/** A score with the scored touchpoints behind it: `72.5 % (n = 4)`. */
function withN(pct: number | null, scored: number): string {
  return t('report.trend.withN', { score: formatPct(pct), n: scored });
}

/** Each brand's overall score per wave: a line per brand, 0–100 %, gaps where it has none. */
function TrendChart({ trend, brands }: Pick<TrendSectionProps, 'trend' | 'brands'>) {
  const waves = trend.map((w) => w.wave);
  const xOf = (i: number) =>
    PAD.left + (waves.length === 1 ? 0 : (i * (WIDTH - PAD.left - PAD.right)) / (waves.length - 1));
  // A wave's name is centred under its point, unless that would cut it at the chart's edge:
  // the first then starts at its point, the last ends at it.
  const waveAnchor = (wave: string, i: number) => {
    const half = (wave.length * WAVE_CHAR_W) / 2;
    if (i === 0 && half > PAD.left) return 'start';
    if (i === waves.length - 1 && half > PAD.right) return 'end';
    return 'middle';
  };
  const yOf = (pct: number) => PAD.top + ((100 - pct) * (HEIGHT - PAD.top - PAD.bottom)) / 100;
  const series = overallSeries(trend);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('report.chartTitle', { title: t('report.trend.chart') })}
      data-testid="report-trend-chart"
    >
      {[0, 25, 50, 75, 100].map((pct) => (
        <g key={pct}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yOf(pct)} y2={yOf(pct)} stroke="#e3e3e3" />
          <text x={PAD.left - 6} y={yOf(pct) + 4} font-size="11" text-anchor="end">
            {pct}
          </text>
        </g>
      ))}
      {waves.map((w, i) => (
        <text key={w} x={xOf(i)} y={HEIGHT - 12} font-size="11" text-anchor={waveAnchor(w, i)}>
          {w}
        </text>
      ))}
      {series.map((line) => {
        const colour = brandColour(brands, line.brandId);
        // Segments between consecutive waves that both have a score.
        const segments = line.points.slice(1).flatMap((p, i) => {
          const prev = line.points[i]!;
          return prev.scorePct !== null && p.scorePct !== null
            ? [{ x1: xOf(i), y1: yOf(prev.scorePct), x2: xOf(i + 1), y2: yOf(p.scorePct) }]
            : [];
        });
        return (
          <g key={line.brandId} data-brand-id={line.brandId}>
            {segments.map((s, i) => (
              <line key={i} {...s} stroke={colour} stroke-width="2.5" />
            ))}
            {line.points.map((p, i) =>
              p.scorePct === null ? null : (
                <circle key={p.wave} cx={xOf(i)} cy={yOf(p.scorePct)} r="4" fill={colour}>
                  <title>
                    {brandName(brands as Brand[], line.brandId)} · {p.wave}:{' '}
                    {withN(p.scorePct, p.scored)}
                  </title>
                </circle>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** One row of the "change since" table. */
function ChangeRow({
  row,
  brands,
  labelOf,
}: {
  row: TrendRow;
  brands: readonly Brand[];
  labelOf: FigureProps['labelOf'];
}) {
  return (
    <tr
      data-testid="report-trend-change"
      data-dimension={row.dimension}
      data-key={row.key}
      data-brand-id={row.brandId}
      data-small-sample={row.smallSample}
    >
      <th scope="row">{labelOf(row.dimension, row.key)}</th>
      <td>{brandName(brands as Brand[], row.brandId)}</td>
      <td class="num">{withN(row.previous?.scorePct ?? null, row.previous?.scored ?? 0)}</td>
      <td class="num">{withN(row.scorePct, row.scored)}</td>
      <td class="num" data-testid="report-trend-delta">
        {formatChange(row.deltaVsPrevWave)}
        {row.smallSample && (
          <>
            {' '}
            <span class="small-sample">{t('report.trend.smallSample')}</span>
          </>
        )}
      </td>
    </tr>
  );
}

/**
 * The report's trend (shown when a study has more than one wave): each brand's overall score
 * per wave as a line chart with the same figures in a table, then, for the wave shown, every
 * change since the brand's previous figure, with the scored touchpoints behind both sides and a
 * small-sample mark when either side rests on fewer than 3.
 */
export function TrendSection({ trend, wave, brands, labelOf }: TrendSectionProps) {
  if (trend.length < 2) return null;
  const shown = trend.find((w) => w.wave === wave);
  const changes = (shown?.rows ?? []).filter((r) => r.deltaVsPrevWave !== null);
  const series = overallSeries(trend);
  return (
    <section class="card trend" aria-labelledby="trend-title" data-testid="report-trend">
      <h2 id="trend-title">{t('report.trend.title')}</h2>
      <TrendChart trend={trend} brands={brands} />
      <ChartLegend brands={brands} />
      <table class="figures" data-testid="report-trend-table">
        <caption>{t('report.trend.chart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.trend.brand')}</th>
            {trend.map((w) => (
              <th scope="col" key={w.wave}>
                {w.wave}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((line) => (
            <tr key={line.brandId}>
              <th scope="row">{brandName(brands as Brand[], line.brandId)}</th>
              {line.points.map((p) => (
                <td class="num" key={p.wave}>
                  {withN(p.scorePct, p.scored)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('report.trend.changes', { wave })}</h3>
      {changes.length === 0 ? (
        <p data-testid="report-trend-nochange">{t('report.trend.noChanges')}</p>
      ) : (
        <>
          <p class="muted">{t('report.trend.changesHelp')}</p>
          <table class="figures" data-testid="report-trend-changes">
            <thead>
              <tr>
                <th scope="col">{t('report.trend.what')}</th>
                <th scope="col">{t('report.trend.brand')}</th>
                <th scope="col">{t('report.trend.before')}</th>
                <th scope="col">{t('report.trend.now', { wave })}</th>
                <th scope="col">{t('report.trend.change')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((row) => (
                <ChangeRow
                  key={`${row.dimension}-${row.key}-${row.brandId}`}
                  row={row}
                  brands={brands}
                  labelOf={labelOf}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
