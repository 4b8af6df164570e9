import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { loadReportHead, pairsOfWave, touchpointsBehind, type ReportHead } from '@/lib/report/read';
import { dimensionKeyLabel, localizeRubric, t } from '@/lib/i18n';
import type { Study } from '@/lib/model';
import { buildTrend, latestWaveWithData, type Dimension } from '@/lib/report';
import { caught, type Problem } from '@/lib/result';
import { BeforeAfter } from './BeforeAfter';
import { TrendSection } from './TrendSection';
import { CriterionChart } from './CriterionChart';
import { FilesBar } from './FilesBar';
import { Heatmap } from './Heatmap';
import { JourneyChart } from './JourneyChart';
import { LoadFailed } from './LoadFailed';
import { Scoreboard } from './Scoreboard';
import { StudyPicker } from './StudyPicker';
import { TrailList } from './TrailList';

/** The report page's body for one study: headline, charts, trail list and files. */
export function ReportView({
  studyId,
  others,
  imported,
  onImported,
}: {
  studyId: string;
  others: readonly Study[];
  /** What the last import said (see FilesBar). */
  imported?: string;
  /** Called after a backup was imported, so the page re-reads the studies. */
  onImported: (said: string) => void;
}) {
  const [head, setHead] = useState<ReportHead | null | undefined>();
  const [failure, setFailure] = useState<Problem>();
  const reload = useCallback(() => {
    setFailure(undefined);
    // Only the kept totals and the study's small records: never the touchpoints.
    loadReportHead(getDb(), studyId, new Date()).then(
      (h) => setHead(h ?? null),
      (error: unknown) => setFailure(caught(error)),
    );
  }, [studyId]);
  useEffect(reload, [reload]);

  const [picked, setPicked] = useState<string>();
  const trend = useMemo(
    () => (head ? buildTrend(head.waves, { brands: head.brands, rubric: head.rubric }) : []),
    [head],
  );
  const wave =
    (picked !== undefined && trend.some((w) => w.wave === picked) ? picked : undefined) ??
    (head ? (latestWaveWithData(head.waves) ?? head.waves.at(-1)?.wave) : undefined);
  const rows = useMemo(() => trend.find((w) => w.wave === wave)?.rows ?? [], [trend, wave]);
  /** The pinned rubric as the reader sees it: the default one in their language. */
  const rubricShown = useMemo(() => head && localizeRubric(head.rubric), [head]);
  const labelOf = useCallback(
    (dimension: Dimension, key: string) =>
      dimensionKeyLabel(dimension, key, {
        criterionLabel: (id) => rubricShown?.criteria.find((c) => c.id === id)?.label,
        customCategory: (id) => head?.customCategories.get(id),
      }),
    [head],
  );
  const loadPairs = useCallback(
    (wave: string) =>
      head
        ? pairsOfWave(getDb(), head.study, wave, head.rubric)
        : Promise.resolve({ pairs: [], truncated: false }),
    [head],
  );

  if (failure) return <LoadFailed problem={failure} />;
  if (head === undefined) return <p class="muted">{t('report.loading')}</p>;
  if (head === null) {
    return (
      <main class="report">
        <h1>{t('report.title')}</h1>
        <p role="alert">{t('report.notFound')}</p>
        {others.length > 0 && <StudyPicker studies={others} />}
        <FilesBar
          imported={imported}
          onImported={(said) => {
            onImported(said);
            reload();
          }}
        />
      </main>
    );
  }
  const { study, brands } = head;
  const rubric = rubricShown ?? head.rubric;
  const own = brands.find((b) => b.role === 'own');
  const hasTouchpoints = rows.some((r) => r.dimension === 'overall' && r.touchpoints > 0);
  return (
    <main class="report" data-testid="report-comparison">
      <header class="report-head">
        <div>
          <h1>
            {t('report.title')}: {study.name}
          </h1>
          <p class="muted">
            {t('report.subtitle', {
              wave: wave ?? study.wave,
              rubric: rubric.name,
              version: rubric.version,
              brands: brands.length,
            })}
          </p>
          {study.requireReview && (
            <p class="muted" data-testid="report-approved-only">
              {t('report.approvedOnly')}
            </p>
          )}
        </div>
        <label class="no-print">
          {t('report.wave')}{' '}
          <select
            value={wave}
            data-testid="report-wave"
            onChange={(e) => setPicked(e.currentTarget.value)}
          >
            {head.waves.map((w) => (
              <option key={w.wave} value={w.wave}>
                {w.wave}
              </option>
            ))}
          </select>
        </label>
        <a
          class="no-print"
          href={`/calibration.html?study=${encodeURIComponent(study.id)}`}
          data-testid="report-calibration"
        >
          {t('report.calibration')}
        </a>
        <button type="button" class="no-print" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </header>
      {!hasTouchpoints && <p>{t('report.empty')}</p>}
      <BeforeAfter
        wave={wave ?? study.wave}
        waves={study.waves}
        brands={brands}
        labelOf={labelOf}
        load={loadPairs}
      />
      <Scoreboard rows={rows} brands={brands} />
      {wave && <TrendSection trend={trend} wave={wave} brands={brands} labelOf={labelOf} />}
      <Heatmap rows={rows} brands={brands} labelOf={labelOf} />
      <JourneyChart rows={rows} brands={brands} labelOf={labelOf} />
      <CriterionChart rows={rows} brands={brands} labelOf={labelOf} />
      <TrailList
        rows={rows}
        brands={brands}
        ownBrandId={own?.id}
        labelOf={labelOf}
        loadBehind={(row) =>
          touchpointsBehind(
            getDb(),
            study.id,
            [row.own.brandId, row.best.brandId],
            row,
            rubric,
            undefined,
            wave,
          )
        }
      />
      <FilesBar
        study={study}
        wave={wave}
        imported={imported}
        onImported={(said) => {
          onImported(said);
          reload();
        }}
      />
      {others.length > 1 && (
        <footer class="no-print">
          <StudyPicker
            studies={others.filter((s) => s.id !== study.id)}
            heading={t('report.otherStudy')}
          />
        </footer>
      )}
    </main>
  );
}
