import { categoryLabel, formatDateTime, stageLabel, t } from '@/lib/i18n';
import type { Audit, Brand, Category } from '@/lib/model';
import type { TouchpointFilter } from '@/lib/db';
import { STAGES } from '@/lib/taxonomy';

/** Props of {@link FilterBar}. */
export interface FilterBarProps {
  filter: TouchpointFilter;
  brands: readonly Brand[];
  audits: readonly Audit[];
  categories: readonly Category[];
  onChange: (filter: TouchpointFilter) => void;
}

/** Touchpoints page: filters by brand, audit, shopper, category, stage and critical failure. */
export function FilterBar({ filter, brands, audits, categories, onChange }: FilterBarProps) {
  const set = (patch: TouchpointFilter) => {
    const next: TouchpointFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof TouchpointFilter)[])
      if (!next[key]) delete next[key];
    onChange(next);
  };
  const shoppers = [...new Set(audits.map((a) => a.shopper))].sort();
  const brandName = (id: string) => brands.find((b) => b.id === id)?.name ?? '?';
  const select = (
    testId: string,
    label: string,
    value: string | undefined,
    options: [string, string][],
    pick: (v: string) => void,
  ) => (
    <label>
      {label}
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(e) => pick(e.currentTarget.value)}
      >
        <option value="">{t('touchpoints.all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      class="filters"
      aria-label={t('touchpoints.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      {select(
        'filter-brand',
        t('touchpoints.brand'),
        filter.brandId,
        brands.map((b) => [b.id, b.name]),
        (v) => set({ brandId: v, auditId: undefined }),
      )}
      {select(
        'filter-audit',
        t('touchpoints.audit'),
        filter.auditId,
        audits
          .filter((a) => !filter.brandId || a.brandId === filter.brandId)
          .map((a) => [
            a.id,
            t('touchpoints.auditLabel', {
              brand: brandName(a.brandId),
              shopper: a.shopper,
              date: formatDateTime(a.startedAt),
            }),
          ]),
        (v) => set({ auditId: v }),
      )}
      {select(
        'filter-shopper',
        t('touchpoints.shopper'),
        filter.shopper,
        shoppers.map((s) => [s, s]),
        (v) => set({ shopper: v }),
      )}
      {select(
        'filter-category',
        t('touchpoints.category'),
        filter.category,
        categories.map((c) => [c.id, categoryLabel(c.id, c)]),
        (v) => set({ category: v }),
      )}
      {select(
        'filter-stage',
        t('touchpoints.stage'),
        filter.stage,
        STAGES.map((s) => [s, stageLabel(s)]),
        (v) => set({ stage: STAGES.find((s) => s === v) }),
      )}
      <label class="check">
        <input
          type="checkbox"
          data-testid="filter-critical"
          checked={!!filter.criticalOnly}
          onChange={(e) => set({ criticalOnly: e.currentTarget.checked })}
        />
        {t('touchpoints.critical')}
      </label>
    </form>
  );
}
