import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import type { ComparisonLine, Dimension } from '@/lib/report';
import { brandName, formatPct } from './format';

/** The table under each report chart: the same figures, for screen readers and print. */
export function FigureTable({
  title,
  dimension,
  lines,
  brands,
  labelOf,
}: {
  title: string;
  dimension: Exclude<Dimension, 'overall'>;
  lines: readonly ComparisonLine[];
  brands: readonly Brand[];
  labelOf: (dimension: Dimension, key: string) => string;
}) {
  const brandIds = lines[0]?.cells.map((c) => c.brandId) ?? [];
  return (
    <table class="figures" data-testid={`report-table-${dimension}`}>
      <caption>{t('report.tableTitle', { title })}</caption>
      <BrandHead dimension={dimension} brandIds={brandIds} brands={brands} />
      <tbody>
        {lines.map(({ key, cells }) => (
          <tr key={key}>
            <th scope="row">{labelOf(dimension, key)}</th>
            {cells.map((c) => (
              <td key={c.brandId} class="num">
                {formatPct(c.scorePct)}{' '}
                <span class="muted">({t('report.n', { n: c.scored })})</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The head of a report table: the dimension's name, then a column per brand (heatmap too). */
export function BrandHead({
  dimension,
  brandIds,
  brands,
}: {
  dimension: Exclude<Dimension, 'overall'>;
  brandIds: readonly string[];
  brands: readonly Brand[];
}) {
  return (
    <thead>
      <tr>
        <th scope="col">{t(`report.dimension.${dimension}` as const)}</th>
        {brandIds.map((id) => (
          <th scope="col" key={id}>
            {brandName([...brands], id)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
