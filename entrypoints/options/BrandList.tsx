import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';

/** Props of {@link BrandList}. */
export interface BrandListProps {
  brands: readonly Brand[];
  onEdit: (brand: Brand) => void;
}

/** Options page, Studies tab: the brands with their role and domains. */
export function BrandList({ brands, onEdit }: BrandListProps) {
  if (brands.length === 0) return <p class="muted">{t('brands.none')}</p>;
  return (
    <ul class="rows" data-testid="brand-list">
      {brands.map((b) => (
        <li key={b.id} data-testid="brand-row">
          <div>
            <strong>{b.name}</strong>{' '}
            <span class="muted">({t(b.role === 'own' ? 'role.own' : 'role.competitor')})</span>
            <div class="muted small">
              {b.domains.length ? b.domains.join(', ') : t('brands.noDomains')}
            </div>
          </div>
          <button data-testid="brand-edit" onClick={() => onEdit(b)}>
            {t('studies.edit')}
          </button>
        </li>
      ))}
    </ul>
  );
}
