// Test hooks (data-testid) of the Rubrics tab, stable for component and end-to-end tests:
//   list: rubric-list, rubric-item-<rubricId>, rubric-new, rubric-duplicate, rubric-export,
//         rubric-import (file input), rubric-import-errors, rubric-notice (status line)
//   versions: rubric-version-<n> (opens v<n>; older ones read-only), rubric-note
//   editor: rubric-editor, rubric-name, rubric-scale (select: 1-5 | 1-10 | 0-1 | custom),
//         rubric-scale-min, rubric-scale-max, criterion-<i>, criterion-label-<i>,
//         criterion-id-<i>, criterion-help-<i>, criterion-weight-<i>, criterion-critical-<i>,
//         criterion-all-<i>, criterion-category-<i>-<categoryId>, criterion-up-<i>,
//         criterion-down-<i>, criterion-remove-<i>, criterion-add, rubric-save,
//         rubric-discard, rubric-refused, rubric-changed-elsewhere, rubric-unsaved-back,
//         rubric-error-<path> (e.g. rubric-error-criteria[1].weight, rubric-error-scale.min, rubric-error-criteria, rubric-error-name)
//   studies: study-pin-<studyId>, study-move-<studyId>, study-move-warning,
//         study-move-changes, study-move-affected, study-move-confirm, study-move-cancel
//   categories: category-id, category-label, category-stage, category-add,
//         category-error-<id|label>, category-row-<categoryId>
import { useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useDb } from '@/hooks/use-db';
import { useUnsavedEdits } from '@/hooks/use-unsaved-edits';
import {
  duplicateRubric,
  saveRubricEdit,
  type ImportedRubric,
  type SaveRubricResult,
} from '@/lib/db';
import { localizeRubric, t } from '@/lib/i18n';
import type { Rubric } from '@/lib/model';
import { problem } from '@/lib/result';
import { addCriterion, rubricFileName, rubricToJson } from '@/lib/rubric';
import { downloadBlob } from '@/lib/util/download';
import { CustomCategories } from './rubrics/CustomCategories';
import { RubricEditor, type KeptRubricEdit } from './rubrics/RubricEditor';
import { RubricImport } from './rubrics/RubricImport';
import { RubricList } from './rubrics/RubricList';
import { StudyPins } from './rubrics/StudyPins';
import { useCategories, useLatestRubrics, useRubricVersions } from './rubrics/use-rubrics';
import { VersionList } from './rubrics/VersionList';
import './rubrics/rubrics.css';

/** A fresh, unsaved rubric: one criterion on a 1–5 scale. */
function newDraft(): Rubric {
  const at = new Date().toISOString();
  const empty: Rubric = {
    id: crypto.randomUUID(),
    version: 1,
    name: t('rubrics.newName'),
    scale: { min: 1, max: 5 },
    criteria: [],
    createdAt: at,
    updatedAt: at,
  };
  return addCriterion(empty, t('rubrics.newCriterion'));
}

/** Where the unsaved edit of a rubric being created is kept (rubrics have theirs by id). */
const NEW_RUBRIC = 'new';

/** Options page, Rubrics tab: rubrics and their versions, the editor, sharing, custom categories. */
export function RubricsSection() {
  const db = useDb();
  const rubrics = useLatestRubrics();
  const categories = useCategories() ?? [];
  const [selectedId, setSelectedId] = useState<string>();
  const [viewVersion, setViewVersion] = useState<number>();
  const [draft, setDraft] = useState<Rubric | null>(null);
  const [notice, setNotice] = useState('');
  const { failure, setFailure, run } = useAction();
  // Unsaved edits by rubric id: opening another rubric and coming back brings them back, and a
  // change made to the same rubric elsewhere (another tab, team sync) never replaces them.
  const unsaved = useUnsavedEdits<KeptRubricEdit>();
  // Bumped on every save or selection so the editor drops its draft even when the version
  // it shows is, for a moment, the same (the live query has not seen the new version yet).
  const [generation, setGeneration] = useState(0);
  const currentId = draft ? undefined : (selectedId ?? rubrics?.[0]?.id);
  const versions = useRubricVersions(currentId);
  const latest = versions?.[versions.length - 1];
  const shown = versions?.find((v) => v.rubric.version === viewVersion) ?? latest;

  const select = (id: string, message = '') => {
    setDraft(null);
    setSelectedId(id);
    setViewVersion(undefined);
    setNotice(message);
    setGeneration((g) => g + 1);
  };

  async function save(edited: Rubric, keptAs: string): Promise<SaveRubricResult> {
    const result = await saveRubricEdit(db, edited, new Date());
    if (result.ok) {
      const { rubric, outcome } = result.value;
      unsaved.keep(keptAs, null);
      select(
        rubric.id,
        t(`rubrics.saved.${outcome}`, { version: rubric.version, previous: edited.version }),
      );
    }
    return result;
  }

  async function duplicate(rubric: Rubric) {
    await run(async () => {
      const copy = await duplicateRubric(
        db,
        rubric.id,
        rubric.version,
        t('rubrics.copyName', { name: rubric.name }),
        new Date(),
      );
      if (copy) select(copy.id);
      else setFailure(problem('not-found'));
    });
  }

  const imported = ({ outcome, rubric }: ImportedRubric) =>
    select(
      rubric.id,
      t(`rubrics.imported.${outcome}`, { name: rubric.name, version: rubric.version }),
    );

  if (!rubrics) return <p>{t('rubrics.loading')}</p>;
  const readOnly = !!shown && !!latest && shown.rubric.version !== latest.rubric.version;
  let note: string | undefined;
  if (shown && latest && readOnly)
    note = t('rubrics.viewingOld', {
      version: shown.rubric.version,
      latest: latest.rubric.version,
    });
  else if (shown?.used && latest) note = t('rubrics.usedNote', { next: latest.rubric.version + 1 });

  return (
    <section class="rubrics-section">
      <h2>{t('options.rubrics')}</h2>
      <p role="status" data-testid="rubric-notice" class="notice">
        {notice}
      </p>
      <FailureAlert
        failure={failure}
        testId="rubric-duplicate-failed"
        message="rubrics.duplicateFailed"
      />
      <div class="rubrics-layout">
        <aside>
          <RubricList
            rubrics={rubrics}
            selectedId={currentId}
            onSelect={(id) => select(id)}
            onNew={() => {
              setDraft(unsaved.edits.get(NEW_RUBRIC)?.draft ?? newDraft());
              setNotice('');
            }}
          />
          <RubricImport onImported={imported} />
        </aside>
        <div class="rubric-main">
          {draft && <h3>{t('rubrics.creating')}</h3>}
          {draft && (
            <RubricEditor
              key={draft.id}
              base={draft}
              kept={unsaved.edits.get(NEW_RUBRIC)}
              categories={categories}
              onEdit={(edit) => unsaved.keep(NEW_RUBRIC, edit)}
              onSave={(edited) => save(edited, NEW_RUBRIC)}
            />
          )}
          {!draft && shown && latest && versions && (
            <>
              <h3>
                {/* Named as the list beside it names it: the default rubric in the reader's
                    language (its fields below hold the stored words, which the lead edits). */}
                {t('rubrics.editing', {
                  name: localizeRubric(shown.rubric).name,
                  version: shown.rubric.version,
                })}
              </h3>
              <VersionList
                versions={versions}
                selected={shown.rubric.version}
                onSelect={setViewVersion}
              />
              <div class="rubric-actions">
                <button
                  type="button"
                  data-testid="rubric-duplicate"
                  onClick={() => void duplicate(shown.rubric)}
                >
                  {t('rubrics.duplicate')}
                </button>
                <button
                  type="button"
                  data-testid="rubric-export"
                  onClick={() =>
                    downloadBlob(
                      new Blob([rubricToJson(shown.rubric)], { type: 'application/json' }),
                      rubricFileName(shown.rubric),
                    )
                  }
                >
                  {t('rubrics.export')}
                </button>
              </div>
              <RubricEditor
                // Not keyed by when the version was written: a change made elsewhere while the
                // lead edits is shown as such (`rubric-changed-elsewhere`), not typed over.
                key={`${generation}:${shown.rubric.id}@${shown.rubric.version}`}
                base={shown.rubric}
                kept={readOnly ? undefined : unsaved.edits.get(shown.rubric.id)}
                categories={categories}
                readOnly={readOnly}
                note={note}
                onEdit={(edit) => unsaved.keep(shown.rubric.id, edit)}
                onSave={(edited) => save(edited, shown.rubric.id)}
              />
              <StudyPins
                rubricId={shown.rubric.id}
                latestVersion={latest.rubric.version}
                onMoved={setNotice}
              />
            </>
          )}
        </div>
      </div>
      <CustomCategories onAdded={setNotice} />
    </section>
  );
}
