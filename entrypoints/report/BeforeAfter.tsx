import { useEffect, useState } from 'preact/hooks';
import { PAIRS_PER_BRAND, type PairEvidence, type WavePairs } from '@/lib/report/read';
import { t } from '@/lib/i18n';
import type { Brand, Evidence } from '@/lib/model';
import type { Dimension } from '@/lib/report';
import { EvidenceImage } from './EvidenceImage';
import { brandName, formatChange, formatPct } from './format';

/** The report's before/after section: the selected wave's re-audits, each brand's together. */
export function BeforeAfter({
  wave,
  waves,
  brands,
  labelOf,
  load,
}: {
  /** The wave shown; its touchpoints are the "after" side. */
  wave: string;
  /** The study's waves, oldest first: the first one has nothing to compare with. */
  waves: readonly string[];
  brands: readonly Brand[];
  labelOf: (dimension: Dimension, key: string) => string;
  /** Reads a wave's re-audits with their screenshots. */
  load: (wave: string) => Promise<WavePairs>;
}) {
  const [found, setFound] = useState<{ wave: string; pairs: WavePairs } | undefined>();
  const comparable = waves.indexOf(wave) > 0;
  useEffect(() => {
    if (!comparable) return;
    let live = true;
    void load(wave).then((pairs) => live && setFound({ wave, pairs }));
    return () => {
      live = false;
    };
  }, [wave, comparable, load]);
  // The first wave (and so every one-wave study) has no earlier touchpoint to pair with.
  if (!comparable) return null;
  const loaded = found?.wave === wave ? found.pairs : undefined;
  const groups = loaded ? byBrand(loaded.pairs) : [];
  return (
    <section class="card pairs" aria-labelledby="pairs-title" data-testid="report-pairs">
      <h2 id="pairs-title">{t('report.pairs', { wave })}</h2>
      <p class="muted">{t('report.pairs.intro')}</p>
      {!loaded && <p class="muted">{t('report.pairs.loading')}</p>}
      {loaded && loaded.pairs.length === 0 && <p>{t('report.pairs.none')}</p>}
      {groups.map(([brandId, pairs]) => (
        <section key={brandId} class="pair-brand" data-brand-id={brandId}>
          <h3>{brandName(brands, brandId)}</h3>
          <ol class="pair-list">
            {pairs.map((pair) => (
              <PairItem key={pair.after.id} pair={pair} labelOf={labelOf} />
            ))}
          </ol>
        </section>
      ))}
      {loaded?.truncated && (
        <p class="muted">{t('report.pairs.truncated', { limit: PAIRS_PER_BRAND })}</p>
      )}
    </section>
  );
}

/** The pairs in their given order, cut into runs of one brand. */
function byBrand(pairs: readonly PairEvidence[]): [string, PairEvidence[]][] {
  const groups: [string, PairEvidence[]][] = [];
  for (const pair of pairs) {
    const last = groups.at(-1);
    if (last?.[0] === pair.brandId) last[1].push(pair);
    else groups.push([pair.brandId, [pair]]);
  }
  return groups;
}

/** One re-audit: both screenshots side by side and the scores before and after. */
function PairItem({
  pair,
  labelOf,
}: {
  pair: PairEvidence;
  labelOf: (dimension: Dimension, key: string) => string;
}) {
  const { before, after, drift } = pair;
  const title = `${labelOf('category', after.category)} · ${labelOf('stage', after.stage)}`;
  return (
    <li
      class="pair"
      data-testid="report-pair"
      data-drift={drift}
      data-after-id={after.id}
      data-delta={pair.delta === null ? '' : pair.delta.toFixed(1)}
    >
      <div class="pair-line">
        <strong>{title}</strong>
        <span class={`tag drift drift-${drift}`} data-testid="report-pair-drift">
          {t(`report.pairs.drift.${drift}` as const)}
        </span>
        <span class="pair-delta" data-testid="report-pair-delta">
          {formatPct(pair.beforeScore.pct)} → {formatPct(pair.afterScore.pct)} (
          {formatChange(pair.delta)})
        </span>
        {pair.afterScore.criticalFail && (
          <span class="tag critical">{t('report.trail.critical')}</span>
        )}
      </div>
      {(after.pageTitle ?? before.pageTitle) && (
        <div class="muted">{after.pageTitle ?? before.pageTitle}</div>
      )}
      <div class="pair-shots">
        <Shots heading={t('report.pairs.before')} evidence={pair.beforeEvidence} />
        <Shots heading={t('report.pairs.after')} evidence={pair.afterEvidence} />
      </div>
      <table class="figures pair-table">
        <caption>{t('report.pairs.table', { touchpoint: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.pairs.criterion')}</th>
            <th scope="col">{t('report.pairs.before')}</th>
            <th scope="col">{t('report.pairs.after')}</th>
            <th scope="col">{t('report.pairs.change')}</th>
          </tr>
        </thead>
        <tbody>
          {pair.criteria.map((c) => (
            <tr key={c.id} data-criterion={c.id}>
              <th scope="row">{labelOf('criterion', c.id)}</th>
              <td class="num">{formatPct(c.before)}</td>
              <td class="num">{formatPct(c.after)}</td>
              <td class="num">{formatChange(c.delta)}</td>
            </tr>
          ))}
          <tr class="pair-overall">
            <th scope="row">{t('report.pairs.overall')}</th>
            <td class="num">{formatPct(pair.beforeScore.pct)}</td>
            <td class="num">{formatPct(pair.afterScore.pct)}</td>
            <td class="num">{formatChange(pair.delta)}</td>
          </tr>
        </tbody>
      </table>
    </li>
  );
}

/** One side of a pair: its screenshots, or a line saying there is none. */
function Shots({ heading, evidence }: { heading: string; evidence: readonly Evidence[] }) {
  return (
    <figure class="pair-side">
      <figcaption>{heading}</figcaption>
      {evidence.length === 0 && <span class="muted">{t('report.trail.noEvidence')}</span>}
      {evidence.map((e) => (
        <EvidenceImage key={e.id} evidence={e} />
      ))}
    </figure>
  );
}
