import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import type { ComparisonLine, ComparisonRow, Dimension } from '@/lib/report';
import { ChartLegend } from './ChartLegend';
import { FigureTable } from './FigureTable';

/** What each of the report's figures is drawn from. */
export interface FigureProps {
  rows: readonly ComparisonRow[];
  brands: readonly Brand[];
  labelOf: (dimension: Dimension, key: string) => string;
}

/** A report chart's card: its title, the drawing, the brand legend and the same figures as a table. */
export function ChartCard({
  id,
  title,
  dimension,
  width,
  height,
  lines,
  brands,
  labelOf,
  children,
}: {
  /** Prefix of the heading's id. */
  id: string;
  title: string;
  dimension: Exclude<Dimension, 'overall'>;
  width: number;
  height: number;
  lines: readonly ComparisonLine[];
  brands: readonly Brand[];
  labelOf: FigureProps['labelOf'];
  /** The SVG's content. */
  children: ComponentChildren;
}) {
  return (
    // Printed, a table of up to three brands fits beside its chart; more go under it.
    <section
      class={lines[0] && lines[0].cells.length > 3 ? 'card chart wide' : 'card chart'}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('report.chartTitle', { title })}
        data-testid={`report-chart-${dimension}`}
      >
        {children}
      </svg>
      <ChartLegend brands={brands} />
      <FigureTable
        title={title}
        dimension={dimension}
        lines={lines}
        brands={brands}
        labelOf={labelOf}
      />
    </section>
  );
}
