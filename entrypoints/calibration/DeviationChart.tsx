import type { CalibrationView } from '@/lib/calibration/round';
import { t } from '@/lib/i18n';
import { itemName } from './AgreementSection';
import { signed } from './format';

/** Shapes told apart without colour, one per shopper in turn. */
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
const COLOURS = ['#1f5fa8', '#b3541e', '#2f7d32', '#7b3fa0', '#555'];

/** Props of {@link DeviationChart}. */
export interface DeviationChartProps {
  view: CalibrationView;
  points: { item: string; shopper: string; deviation: number }[];
}

function Mark({ shape, x, y, colour }: { shape: string; x: number; y: number; colour: string }) {
  const r = 5;
  if (shape === 'square')
    return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
  if (shape === 'triangle')
    return <polygon points={`${x},${y - r} ${x - r},${y + r} ${x + r},${y + r}`} fill={colour} />;
  if (shape === 'diamond')
    return (
      <polygon points={`${x},${y - r} ${x - r},${y} ${x},${y + r} ${x + r},${y}`} fill={colour} />
    );
  return <circle cx={x} cy={y} r={r} fill={colour} />;
}

/**
 * Each shopper's scores per item against the item's median (the zero line), in scale points:
 * above the line is more lenient than the median, below harsher. A table carries the same
 * figures for screen readers and print.
 */
export function DeviationChart({ view, points }: DeviationChartProps) {
  const items = view.items.filter((i) => points.some((p) => p.item === i.key));
  const shoppers = [...new Set(points.map((p) => p.shopper))].sort();
  if (items.length === 0) return null;
  const span = Math.max(1, ...points.map((p) => Math.abs(p.deviation)));
  const width = Math.max(320, 60 + items.length * 60);
  const height = 200;
  const mid = height / 2;
  const yOf = (d: number) => mid - (d / span) * (mid - 20);
  const xOf = (i: number) => 60 + i * 60 + 30;
  const at = (item: string, shopper: string) =>
    points.find((p) => p.item === item && p.shopper === shopper)?.deviation;
  return (
    <figure class="chart" data-testid="calibration-chart">
      <figcaption>{t('calibration.chart')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('calibration.chart')}>
        <line x1={50} x2={width} y1={mid} y2={mid} stroke="#999" stroke-dasharray="4 3" />
        <text x={4} y={mid + 4} font-size="11">
          {t('calibration.median')}
        </text>
        <text x={4} y={16} font-size="11">
          {signed(span, 1)}
        </text>
        <text x={4} y={height - 6} font-size="11">
          {signed(-span, 1)}
        </text>
        {items.map((item, i) => (
          <text key={item.key} x={xOf(i)} y={height - 6} font-size="11" text-anchor="middle">
            {itemName(view, item.key)}
          </text>
        ))}
        {shoppers.map((shopper, s) =>
          items.map((item, i) => {
            const d = at(item.key, shopper);
            if (d === undefined) return null;
            return (
              <Mark
                key={`${shopper}-${item.key}`}
                shape={SHAPES[s % SHAPES.length]!}
                colour={COLOURS[s % COLOURS.length]!}
                x={xOf(i) + (s - (shoppers.length - 1) / 2) * 8}
                y={yOf(d)}
              />
            );
          }),
        )}
      </svg>
      <ul class="legend small">
        {shoppers.map((shopper, s) => (
          <li key={shopper}>
            <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
              <Mark
                shape={SHAPES[s % SHAPES.length]!}
                colour={COLOURS[s % COLOURS.length]!}
                x={6}
                y={6}
              />
            </svg>{' '}
            {shopper}
          </li>
        ))}
      </ul>
      <table class="small">
        <caption>{t('calibration.chartTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calibration.col.shopper')}</th>
            {items.map((item) => (
              <th scope="col" key={item.key}>
                {itemName(view, item.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shoppers.map((shopper) => (
            <tr key={shopper}>
              <th scope="row">{shopper}</th>
              {items.map((item) => {
                const d = at(item.key, shopper);
                return (
                  <td class="num" key={item.key}>
                    {d === undefined ? '—' : signed(d, 1)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
