import type { Brand } from '@/lib/model';
import { brandColour } from './format';

/** The brand colour key under the report's charts. */
export function ChartLegend({ brands }: { brands: readonly Brand[] }) {
  return (
    <ul class="legend-list" aria-hidden="true">
      {brands.map((b) => (
        <li key={b.id}>
          <span class="swatch" style={{ background: brandColour(brands, b.id) }} />
          {b.name}
        </li>
      ))}
    </ul>
  );
}
