import { FileInput } from '@/components/FileInput';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { getDb, getSetting, setSetting } from '@/lib/db';
import { exportBackup, type BackupProgress } from '@/lib/backup/export-db';
import {
  csvDelimiterFor,
  exportStudyCsv,
  type ExportProgress,
  type StudyCsvKind,
} from '@/lib/export/study-csv';
import { sendToBackground } from '@/lib/messaging';
import { downloadBlob, downloadUrl } from '@/lib/util/download';
import { currentLanguage, describeProblem, describeProblemAt, formatDateTime, t } from '@/lib/i18n';
import type { Study } from '@/lib/model';
import type { Problem } from '@/lib/result';
import { forgetInterruptedImport, interruptedImport } from '@/lib/backup/import-marker';
import type { ImportMarker } from '@/lib/db';
import { takeBackupRequest } from './auto-backup';
import { exportArchiveFile, importBackupFile } from './import-client';
import { importRunning } from './import-lock';

function progressText(p: ExportProgress | BackupProgress): string {
  if (p.phase === 'checking') return t('report.progress.checking');
  return t(p.phase === 'reading' ? 'report.progress.reading' : 'report.progress.writing', {
    done: p.done,
    total: p.total,
  });
}

/** Why an import wrote nothing: `Nothing was imported. At touchpoints[12].scores.speed: …`. */
function refusalText(problem: Problem): string {
  // Not about the file: the same words whichever task met them (an export too).
  if (!problem.path && !problem.code.startsWith('backup.')) return describeProblem(problem);
  const said = describeProblemAt(problem);
  return t('report.import.refused', {
    reason: problem.path ? t('report.import.at', { problem: said }) : said,
  });
}

/**
 * The report page's file controls: a study's CSV exports and delimiter (when a study is
 * open), and backup export and import (always, so a wiped profile can be restored): the
 * archive first, the one that fits any size; `backup.json` for small exchanges.
 */
export function FilesBar({
  study,
  wave,
  imported,
  onImported,
}: {
  study?: Study;
  /** The wave the report shows: `comparison.csv` holds it. */
  wave?: string;
  /**
   * What the last import said, shown by a files bar mounted after it (the page may switch
   * between one study's report and the picker as an import adds studies).
   */
  imported?: string;
  /** Called with what an import said once it has committed. */
  onImported: (said: string) => void;
}) {
  // The language's dialect from the first frame (a Latvian report never shows a comma first);
  // the stored choice replaces it once read, unless the user chose here before that.
  const [delimiter, setDelimiter] = useState(() => csvDelimiterFor(null, currentLanguage()));
  const [storedDelimiter] = useState(() => getSetting(getDb(), 'csvDelimiter').catch(() => null));
  const choseHere = useRef(false);
  const { busy, failure, setFailure, run } = useAction();
  /** What the running task says (its progress), or what the last one did. */
  const [said, setSaid] = useState<string | undefined>(imported);
  useEffect(() => {
    void storedDelimiter.then((chosen) => {
      if (!choseHere.current) setDelimiter(csvDelimiterFor(chosen, currentLanguage()));
    });
  }, [storedDelimiter]);
  /** An import that an earlier visit started and never finished (docs/RECOVERY.md). */
  const [cutShort, setCutShort] = useState<ImportMarker>();
  useEffect(() => {
    interruptedImport(getDb(), importRunning).then(setCutShort, () => undefined);
  }, []);
  // Gone once forgotten: a reload right after the click must not bring it back.
  const dismissCutShort = () =>
    void forgetInterruptedImport(getDb())
      .catch(() => undefined)
      .then(() => setCutShort(undefined));

  /** Runs a file task: it says what it did, or keeps its refusal as the failure; or it throws. */
  const runTask = (task: () => Promise<string | undefined>) =>
    run(async () => {
      setSaid(undefined);
      setSaid(await task());
    });
  const onProgress = (p: ExportProgress | BackupProgress) => setSaid(progressText(p));

  const exportCsv = (studyId: string, kind: StudyCsvKind) =>
    runTask(async () => {
      // An export clicked before the stored choice was read still writes with it.
      const chosen = choseHere.current ? delimiter : await storedDelimiter;
      const opts = { delimiter: csvDelimiterFor(chosen, currentLanguage()), bom: true };
      const now = new Date();
      const file = await exportStudyCsv(getDb(), studyId, kind, now, opts, onProgress, wave);
      if (!file) throw new Error(t('report.notFound'));
      downloadBlob(file.blob, file.fileName);
      return t('report.exported', { name: file.fileName });
    });
  const exportAll = (kind: 'archive' | 'json') =>
    runTask(async () => {
      if (kind === 'archive') {
        const file = await exportArchiveFile(new Date(), onProgress);
        downloadUrl(file.url, file.fileName);
        return t('report.exported', { name: file.fileName });
      }
      const file = await exportBackup(getDb(), new Date(), onProgress);
      downloadBlob(file.blob, file.fileName);
      return t('report.exported', { name: file.fileName });
    });
  // Opened by the popup's "Back up now": the archive, as the button below makes it.
  useEffect(() => {
    if (takeBackupRequest()) void exportAll('archive');
  }, []);
  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setCutShort(undefined);
    void runTask(async () => {
      const result = await importBackupFile(file, new Date(), onProgress);
      if (!result.ok) {
        setFailure(result.error);
        return undefined;
      }
      // A merged backup may start or end audits: the background registers the stub for them.
      void sendToBackground('auditChanged', {}).catch(() => undefined);
      const { summary, notes, leftOut } = result.value;
      const repaired = notes.map((n) =>
        t('report.import.repaired', { problem: describeProblemAt(n) }),
      );
      const left = leftOut.length
        ? [
            t('report.import.leftOut', {
              count: leftOut.length,
              list: leftOut.map((p) => describeProblemAt(p)).join(', '),
            }),
          ]
        : [];
      const text = [t('report.import.done', { ...summary }), ...left, ...repaired].join(' ');
      onImported(text);
      return text;
    });
  };

  return (
    <section class="card files no-print" aria-labelledby="files-title">
      <h2 id="files-title">{t('report.files')}</h2>
      <div class="file-actions">
        {study && (
          <>
            <label>
              {t('report.delimiter')}{' '}
              <select
                value={delimiter}
                data-testid="report-csv-delimiter"
                onChange={(e) => {
                  const value = e.currentTarget.value === ';' ? ';' : ',';
                  choseHere.current = true;
                  setDelimiter(value);
                  void setSetting(getDb(), 'csvDelimiter', value);
                }}
              >
                <option value=",">{t('report.delimiter.comma')}</option>
                <option value=";">{t('report.delimiter.semicolon')}</option>
              </select>
            </label>
            <button
              type="button"
              disabled={busy}
              data-testid="report-export-touchpoints"
              onClick={() => void exportCsv(study.id, 'touchpoints')}
            >
              {t('report.export.touchpoints')}
            </button>
            <button
              type="button"
              disabled={busy}
              data-testid="report-export-comparison"
              onClick={() => void exportCsv(study.id, 'comparison')}
            >
              {t('report.export.comparison')}
            </button>
            <button
              type="button"
              disabled={busy}
              data-testid="report-export-trend"
              onClick={() => void exportCsv(study.id, 'trend')}
            >
              {t('report.export.trend')}
            </button>
          </>
        )}
        <button
          type="button"
          disabled={busy}
          data-testid="report-export-archive"
          onClick={() => void exportAll('archive')}
        >
          {t('report.export.archive')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="report-export-backup"
          onClick={() => void exportAll('json')}
        >
          {t('report.export.backup')}
        </button>
        <FileInput
          label={t('report.import.backup')}
          testId="report-import-backup"
          accept=".zip,application/zip,.json,application/json"
          disabled={busy}
          onChange={importFile}
        />
      </div>
      {cutShort && (
        <div class="status error" role="alert" data-testid="report-import-interrupted">
          <p>
            {t('report.import.interrupted', {
              name: cutShort.fileName,
              at: formatDateTime(cutShort.startedAt),
            })}
          </p>
          <button
            type="button"
            data-testid="report-import-interrupted-dismiss"
            onClick={dismissCutShort}
          >
            {t('report.import.dismiss')}
          </button>
        </div>
      )}
      {failure ? (
        <FailureAlert
          failure={failure}
          testId="report-files-status"
          text={refusalText}
          class="status error"
        />
      ) : (
        (busy || said) && (
          <p
            role="status"
            class={`status ${busy ? 'busy' : 'done'}`}
            data-testid="report-files-status"
          >
            {busy ? (said ?? t('report.working')) : said}
          </p>
        )
      )}
    </section>
  );
}
