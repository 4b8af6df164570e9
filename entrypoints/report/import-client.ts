import type { BackupProgress } from '@/lib/backup/export-db';
import { importBackupBlob } from '@/lib/backup/archive/import-file';
import type { ImportSummary } from '@/lib/backup/import-db';
import { getDb } from '@/lib/db/schema';
import { caught, problem, type Problem, type Result } from '@/lib/result';
import ImportWorker from './import-worker.ts?worker';

/** What the report page sends its import worker. */
export interface ImportRequest {
  file: Blob;
  /** ISO time of the import. */
  now: string;
}

/**
 * What the import worker sends back, plain data only: progress, then the outcome (a summary
 * or the problem that refused the file) or an unexpected failure as a problem.
 */
export type ImportReply =
  | { type: 'progress'; progress: BackupProgress }
  | { type: 'done'; result: Result<ImportSummary> }
  | { type: 'failed'; problem: Problem };

/**
 * Imports a backup file (an archive or backup.json) in a worker (see import-worker.ts) so the page never freezes; where
 * workers are missing, on the page's own thread. Never rejects: a refused file comes back as
 * its problem, an unexpected failure as an `unexpected` one.
 */
export function importBackupFile(
  file: Blob,
  now: Date,
  onProgress: (progress: BackupProgress) => void,
): Promise<Result<ImportSummary>> {
  if (typeof Worker === 'undefined') {
    return importBackupBlob(getDb(), file, now, onProgress).catch((error: unknown) => ({
      ok: false,
      error: caught(error),
    }));
  }
  return new Promise((resolve) => {
    const worker = new ImportWorker();
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.progress);
      worker.terminate();
      resolve(reply.type === 'done' ? reply.result : { ok: false, error: reply.problem });
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ ok: false, error: problem('unexpected', { detail: event.message }) });
    });
    const request: ImportRequest = { file, now: now.toISOString() };
    worker.postMessage(request);
  });
}
