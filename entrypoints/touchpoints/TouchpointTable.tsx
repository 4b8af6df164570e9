import { useEffect, useRef } from 'preact/hooks';
import type { TouchpointList } from '@/hooks/use-touchpoint-list';
import { t } from '@/lib/i18n';
import type { Audit, Brand, Rubric } from '@/lib/model';
import { TouchpointRow } from './TouchpointRow';

/** Props of {@link TouchpointTable}. */
export interface TouchpointTableProps {
  list: TouchpointList;
  audits: readonly Audit[];
  brands: readonly Brand[];
  rubric: Rubric | undefined;
  openId: string | undefined;
  onOpen: (id: string) => void;
}

/** Touchpoints page: the list, reading the next page as its end scrolls into view. */
export function TouchpointTable({
  list,
  audits,
  brands,
  rubric,
  openId,
  onOpen,
}: TouchpointTableProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loadMore, loading } = list;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && loadMore(),
      { rootMargin: '400px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadMore, loading]);

  const auditById = new Map(audits.map((a) => [a.id, a]));
  const brandById = new Map(brands.map((b) => [b.id, b]));
  return (
    <>
      <table class="touchpoints" data-testid="touchpoints-list">
        <tbody>
          {list.rows.map((tp) => {
            const audit = auditById.get(tp.auditId);
            return (
              <TouchpointRow
                key={tp.id}
                touchpoint={tp}
                audit={audit}
                brand={audit && brandById.get(audit.brandId)}
                rubric={rubric}
                selected={tp.id === openId}
                onOpen={onOpen}
              />
            );
          })}
        </tbody>
      </table>
      {!loading && !hasMore && list.rows.length === 0 && (
        <p class="muted" data-testid="touchpoints-empty">
          {t('touchpoints.empty')}
        </p>
      )}
      {loading && <p class="muted">{t('touchpoints.loading')}</p>}
      <div ref={sentinel} />
      {hasMore && !loading && (
        <button data-testid="touchpoints-load-more" onClick={loadMore}>
          {t('touchpoints.loadMore')}
        </button>
      )}
    </>
  );
}
