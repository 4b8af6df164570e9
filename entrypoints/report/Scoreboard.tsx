import { t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { linesOf, scoreboard, type ComparisonRow } from '@/lib/report';
import { brandColour, brandName, formatPct } from './format';

/** The report's headline table: brands ranked by overall score, with counts and coverage. */
export function Scoreboard({
  rows,
  brands,
}: {
  rows: readonly ComparisonRow[];
  brands: readonly Brand[];
}) {
  // Ranked best first; brands without a score (no rank) last, each group in study order.
  const entries = scoreboard(rows)
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => (a.entry.rank ?? Infinity) - (b.entry.rank ?? Infinity) || a.i - b.i)
    .map(({ entry }) => entry);
  const categories = linesOf(rows, 'category').length;
  return (
    <section class="card" aria-labelledby="scoreboard-title">
      <h2 id="scoreboard-title">{t('report.scoreboard')}</h2>
      <table class="scoreboard" data-testid="report-scoreboard">
        <thead>
          <tr>
            <th scope="col">{t('report.col.rank')}</th>
            <th scope="col">{t('report.col.brand')}</th>
            <th scope="col">{t('report.col.score')}</th>
            <th scope="col">{t('report.col.touchpoints')}</th>
            <th scope="col">{t('report.col.critical')}</th>
            <th scope="col">{t('report.col.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const own = brands.find((b) => b.id === e.brandId)?.role === 'own';
            return (
              <tr
                key={e.brandId}
                class={own ? 'own' : undefined}
                data-testid="report-scoreboard-row"
                data-brand-id={e.brandId}
              >
                <td class="rank">{e.rank ?? ''}</td>
                <th scope="row">
                  <span
                    class="swatch"
                    style={{ background: brandColour(brands, e.brandId) }}
                    aria-hidden="true"
                  />
                  {brandName([...brands], e.brandId)}
                  {own && <span class="tag">{t('report.ownTag')}</span>}
                </th>
                <td class="num" data-testid="report-scoreboard-score">
                  <span class="bar" aria-hidden="true">
                    <span
                      style={{
                        width: `${e.overallPct ?? 0}%`,
                        background: brandColour(brands, e.brandId),
                      }}
                    />
                  </span>
                  {formatPct(e.overallPct)}
                </td>
                <td class="num">{e.touchpoints}</td>
                <td class={e.criticalFails > 0 ? 'num critical' : 'num'}>{e.criticalFails}</td>
                <td class="num">
                  {t('report.coverage', { seen: e.categoriesSeen.length, total: categories })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
