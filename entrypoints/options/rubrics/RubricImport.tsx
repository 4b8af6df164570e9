import { useState } from 'preact/hooks';
import { useDb } from '@/hooks/use-db';
import { importRubric, type ImportRubricResult } from '@/lib/db';
import { t } from '@/lib/i18n';
import { formatShareError, parseRubricJson, type ShareError } from '@/lib/rubric';

/** Rubrics tab: imports a rubric JSON file another lead shared; a bad file writes nothing. */
export function RubricImport({ onImported }: { onImported: (result: ImportRubricResult) => void }) {
  const db = useDb();
  const [errors, setErrors] = useState<ShareError[]>([]);
  async function read(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseRubricJson(await file.text(), new Date().toISOString());
    input.value = '';
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    onImported(await importRubric(db, parsed.rubric, new Date()));
  }
  return (
    <div class="rubric-import">
      <label for="rubric-import-file">{t('rubrics.import')}</label>
      <input
        id="rubric-import-file"
        type="file"
        accept="application/json,.json"
        data-testid="rubric-import"
        aria-describedby={errors.length ? 'rubric-import-errors' : undefined}
        onChange={(e) => void read(e.currentTarget)}
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
                <code>{formatShareError(e)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
