import { useState } from 'preact/hooks';
import { useDb } from '@/hooks/use-db';
import { moveStudyToRubricVersion, planStudyRubricMove, type StudyRubricMovePlan } from '@/lib/db';
import { useLiveQuery } from '@/hooks/use-live-query';
import { t, type MessageKey } from '@/lib/i18n';
import { isEmptyDiff } from '@/lib/rubric';

const labels = (list: { label: string; id: string }[]) =>
  list.map((c) => c.label || c.id).join(', ');

/** The lines of the warning: what the target version changes for this study. */
function changeLines(plan: StudyRubricMovePlan): string[] {
  const { diff } = plan;
  const lines: string[] = [];
  if (diff.added.length) lines.push(t('rubrics.move.added', { list: labels(diff.added) }));
  if (diff.removed.length) lines.push(t('rubrics.move.removed', { list: labels(diff.removed) }));
  for (const r of diff.reweighted)
    lines.push(t('rubrics.move.reweighted', { label: r.label, from: r.from, to: r.to }));
  for (const c of diff.changed) {
    const fields = c.fields.map((f) => t(`rubrics.diffField.${f}` as MessageKey)).join(', ');
    lines.push(t('rubrics.move.changed', { label: c.label, fields }));
  }
  if (diff.scale) {
    const { from, to } = diff.scale;
    lines.push(
      t('rubrics.move.scale', {
        fromMin: from.min,
        fromMax: from.max,
        toMin: to.min,
        toMax: to.max,
      }),
    );
  }
  return lines;
}

/**
 * Rubrics tab: the warning shown before a study moves to another rubric version — criteria
 * added, removed, reweighted, and touchpoints whose scores will no longer count.
 */
export function MoveStudyWarning(props: {
  studyId: string;
  version: number;
  onClose: (moved: boolean) => void;
}) {
  const { studyId, version, onClose } = props;
  const db = useDb();
  const plan = useLiveQuery(
    () => planStudyRubricMove(db, studyId, version),
    [db, studyId, version],
  );
  const [busy, setBusy] = useState(false);
  if (!plan) return <p>{t('rubrics.loading')}</p>;
  const removed = plan.affected.filter((a) => a.removedScores.length > 0);
  const outOfScale = plan.affected.filter((a) => a.outOfScale.length > 0);
  const ids = (list: string[][]) => [...new Set(list.flat())].join(', ');
  return (
    <div
      class="move-warning"
      role="alertdialog"
      aria-labelledby="move-title"
      data-testid="study-move-warning"
    >
      <h4 id="move-title">
        {t('rubrics.move.title', {
          study: plan.study.name,
          from: plan.from.version,
          to: plan.to.version,
        })}
      </h4>
      {isEmptyDiff(plan.diff) ? (
        <p>{t('rubrics.move.same')}</p>
      ) : (
        <ul data-testid="study-move-changes">
          {changeLines(plan).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {plan.affected.length > 0 && (
        <div data-testid="study-move-affected">
          <p>
            {t('rubrics.move.affected', { count: plan.affected.length, total: plan.touchpoints })}
          </p>
          <ul>
            {removed.length > 0 && (
              <li>
                {removed.length} ·{' '}
                {t('rubrics.move.affectedRemoved', {
                  list: ids(removed.map((a) => a.removedScores)),
                })}
              </li>
            )}
            {outOfScale.length > 0 && (
              <li>
                {outOfScale.length} ·{' '}
                {t('rubrics.move.affectedScale', {
                  list: ids(outOfScale.map((a) => a.outOfScale)),
                })}
              </li>
            )}
          </ul>
        </div>
      )}
      <p>{t('rubrics.move.reportNote', { to: plan.to.version })}</p>
      <button
        type="button"
        data-testid="study-move-confirm"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await moveStudyToRubricVersion(db, studyId, version, new Date());
          onClose(true);
        }}
      >
        {t('rubrics.move.confirm')}
      </button>
      <button type="button" data-testid="study-move-cancel" onClick={() => onClose(false)}>
        {t('rubrics.move.cancel')}
      </button>
    </div>
  );
}
