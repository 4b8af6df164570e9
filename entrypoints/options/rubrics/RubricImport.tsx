import { FileInput } from '@/components/FileInput';
import { useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useDb } from '@/hooks/use-db';
import { importRubric, type ImportedRubric } from '@/lib/db';
import { describeProblemAt, t } from '@/lib/i18n';
import type { Problem } from '@/lib/result';
import { parseRubricJson } from '@/lib/rubric';

/** Rubrics tab: imports a rubric JSON file another lead shared; a bad file writes nothing. */
export function RubricImport({ onImported }: { onImported: (result: ImportedRubric) => void }) {
  const db = useDb();
  const [errors, setErrors] = useState<Problem[]>([]);
  const { failure, run } = useAction();
  async function read(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    await run(async () => {
      const parsed = parseRubricJson(await file.text(), new Date().toISOString());
      input.value = '';
      if (!parsed.ok) {
        setErrors(parsed.error);
        return;
      }
      setErrors([]);
      onImported(await importRubric(db, parsed.value, new Date()));
    });
  }
  return (
    <div class="rubric-import">
      <FileInput
        label={t('rubrics.import')}
        testId="rubric-import"
        accept="application/json,.json"
        describedBy={errors.length ? 'rubric-import-errors' : undefined}
        onChange={(input) => void read(input)}
      />
      {errors.length > 0 && (
        <div
          id="rubric-import-errors"
          class="field-error"
          role="alert"
          data-testid="rubric-import-errors"
        >
          <p>{t('rubrics.import.failed', { count: errors.length })}</p>
          <ul>
            {errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                <code>{describeProblemAt(e)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FailureAlert
        failure={failure}
        testId="rubric-import-failed"
        message="rubrics.import.error"
      />
    </div>
  );
}
