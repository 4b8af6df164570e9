import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { loadReportHead, touchpointsBehind, type ReportHead } from '@/lib/report/read';
import { dimensionKeyLabel, t } from '@/lib/i18n';
import type { Study } from '@/lib/model';
import { buildComparison, type Dimension } from '@/lib/report';
import { caught, type Problem } from '@/lib/result';
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
  onImported,
}: {
  studyId: string;
  others: readonly Study[];
  /** Called after a backup was imported, so the page re-reads the studies. */
  onImported: () => void;
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

  const rows = useMemo(
    () => (head ? buildComparison(head.tally, { brands: head.brands, rubric: head.rubric }) : []),
    [head],
  );
  const labelOf = useCallback(
    (dimension: Dimension, key: string) =>
      dimensionKeyLabel(dimension, key, {
        criterionLabel: (id) => head?.rubric.criteria.find((c) => c.id === id)?.label,
        customCategory: (id) => head?.customCategories.get(id),
      }),
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
          onImported={() => {
            onImported();
            reload();
          }}
        />
      </main>
    );
  }
  const { study, brands, rubric } = head;
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
              wave: study.wave,
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
        <button type="button" class="no-print" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </header>
      {!hasTouchpoints && <p>{t('report.empty')}</p>}
      <Scoreboard rows={rows} brands={brands} />
      <Heatmap rows={rows} brands={brands} labelOf={labelOf} />
      <JourneyChart rows={rows} brands={brands} labelOf={labelOf} />
      <CriterionChart rows={rows} brands={brands} labelOf={labelOf} />
      <TrailList
        rows={rows}
        brands={brands}
        ownBrandId={own?.id}
        labelOf={labelOf}
        loadBehind={(row) =>
          touchpointsBehind(getDb(), study.id, [row.own.brandId, row.best.brandId], row, rubric)
        }
      />
      <FilesBar
        study={study}
        onImported={() => {
          onImported();
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
