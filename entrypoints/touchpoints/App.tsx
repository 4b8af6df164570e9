import { useMemo, useState } from 'preact/hooks';
import {
  auditsMatching,
  brandsOfStudy,
  countMatching,
  getDb,
  listAuditsOfStudy,
  listCategories,
  listStudies,
  pinnedRubric,
  setTouchpointDeleted,
  type TouchpointFilter,
} from '@/lib/db';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useTouchpointList } from '@/hooks/use-touchpoint-list';
import { useUnsavedEdits } from '@/hooks/use-unsaved-edits';
import { describeProblem, localizeRubric, t } from '@/lib/i18n';
import type { TouchpointForm } from '@/lib/messaging';
import type { Touchpoint } from '@/lib/model';
import { caught, type Problem } from '@/lib/result';
import { FilterBar } from './FilterBar';
import { ReviewQueue } from './ReviewQueue';
import { TouchpointDetail } from './TouchpointDetail';
import { TouchpointTable } from './TouchpointTable';
import { UndoBar } from './UndoBar';

/** The touchpoints page: every touchpoint of a study, filtered, reviewed and corrected. */
export function App() {
  const db = getDb();
  const studies = useLiveQuery(() => listStudies(db), []);
  const [studyId, setStudyId] = useState(
    () => new URLSearchParams(location.search).get('study') ?? '',
  );
  const study = studies?.find((s) => s.id === studyId) ?? studies?.[0];
  const sid = study?.id;
  const brands = useLiveQuery(
    async () => (study ? brandsOfStudy(db, study) : []),
    [sid, study?.updatedAt],
  );
  const audits = useLiveQuery(() => (sid ? listAuditsOfStudy(db, sid) : []), [sid]);
  const rubric = useLiveQuery(async () => {
    const pinned = study ? await pinnedRubric(db, study) : undefined;
    return pinned && localizeRubric(pinned);
  }, [sid, study?.rubricVersion]);
  const categories = useLiveQuery(() => listCategories(db), []);
  const [reviewing, setReviewing] = useState(
    () => new URLSearchParams(location.search).get('review') === '1',
  );
  const [filter, setFilter] = useState<TouchpointFilter>({});
  // The review queue reads what it shows itself: the hidden list waits until it is shown.
  const matching = useMemo(
    () => (audits && !reviewing ? auditsMatching(audits, filter) : undefined),
    [audits, JSON.stringify(filter), reviewing],
  );
  const count = useLiveQuery(
    () => (matching ? countMatching(db, matching, filter) : null),
    [matching],
  );
  const list = useTouchpointList(db, matching, filter, rubric ?? undefined);
  const [openId, setOpenId] = useState<string>();
  // Corrections typed but not saved, kept while another touchpoint is opened.
  const unsaved = useUnsavedEdits<TouchpointForm>();
  const [undo, setUndo] = useState<{ tp: Touchpoint; at: number }>();
  const [failure, setFailure] = useState<Problem>();
  /** Runs a button's action; a failure shows at the top of the page instead of vanishing. */
  const attempt = (action: () => Promise<void>) => {
    setFailure(undefined);
    action().catch((error: unknown) => setFailure(caught(error)));
  };

  if (studies && studies.length === 0) return <p class="empty">{t('touchpoints.noStudy')}</p>;

  const remove = async (tp: Touchpoint) => {
    await setTouchpointDeleted(db, tp.id, true, new Date());
    unsaved.keep(tp.id, null);
    const at = list.remove(tp.id);
    setOpenId(undefined);
    setUndo({ tp, at });
  };
  const restore = async () => {
    if (!undo) return;
    const back = await setTouchpointDeleted(db, undo.tp.id, false, new Date());
    if (back) list.upsert(back, undo.at);
    setUndo(undefined);
  };
  const open = list.rows.find((r) => r.id === openId);

  return (
    <>
      <header class="app">
        <h1>{t('touchpoints.title')}</h1>
        <label>
          {t('touchpoints.study')}{' '}
          <select
            data-testid="touchpoints-study"
            value={sid ?? ''}
            onChange={(e) => (setStudyId(e.currentTarget.value), setFilter({}))}
          >
            {studies?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.wave ? `${s.name} (${s.wave})` : s.name}
              </option>
            ))}
          </select>
        </label>
        {count != null && !reviewing && (
          <span data-testid="touchpoints-count">{t('touchpoints.count', { count })}</span>
        )}
        <button
          data-testid="touchpoints-review-mode"
          aria-pressed={reviewing}
          onClick={() => setReviewing(!reviewing)}
        >
          {t('review.mode.review')}
        </button>
      </header>
      {failure && (
        <p class="field-error" role="alert" data-testid="touchpoints-failed">
          {t('touchpoints.actionFailed', { reason: describeProblem(failure) })}
        </p>
      )}
      {reviewing && <ReviewQueue audits={audits} brands={brands} rubric={rubric ?? undefined} />}
      <main class={open ? 'with-detail' : undefined} hidden={reviewing}>
        <div class="list">
          {brands && audits && categories && (
            <FilterBar
              filter={filter}
              brands={brands}
              audits={audits}
              categories={categories}
              onChange={setFilter}
            />
          )}
          <TouchpointTable
            list={list}
            audits={audits ?? []}
            brands={brands ?? []}
            rubric={rubric ?? undefined}
            openId={openId}
            onOpen={setOpenId}
          />
        </div>
        {open && rubric && categories && (
          <TouchpointDetail
            key={open.id}
            touchpoint={open}
            audit={audits?.find((a) => a.id === open.auditId)}
            rubric={rubric}
            categories={categories}
            kept={unsaved.edits.get(open.id)}
            onEdit={(value) => unsaved.keep(open.id, value)}
            onSaved={(tp) => list.upsert(tp)}
            onDelete={() => attempt(() => remove(open))}
            onClose={() => setOpenId(undefined)}
          />
        )}
      </main>
      {undo && <UndoBar onUndo={() => attempt(restore)} onDismiss={() => setUndo(undefined)} />}
    </>
  );
}
