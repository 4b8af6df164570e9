import type { BackupError, Result } from '@/lib/backup';
import type { BackupProgress } from '@/lib/backup/export-db';
import { importBackup, type ImportSummary } from '@/lib/backup/import-db';
import { getDb } from '@/lib/db/schema';
import ImportWorker from './import-worker.ts?worker';

/** What the report page sends its import worker. */
export interface ImportRequest {
  file: Blob;
  /** ISO time of the import. */
  now: string;
}

/** What the import worker sends back: progress, then the outcome or an unexpected failure. */
export type ImportReply =
  | { type: 'progress'; progress: BackupProgress }
  | { type: 'done'; result: Result<ImportSummary, BackupError> }
  | { type: 'failed'; message: string };

/**
 * Imports a backup file in a worker (see import-worker.ts) so the page never freezes; where
 * workers are missing, on the page's own thread. Unexpected failures reject.
 */
export function importBackupFile(
  file: Blob,
  now: Date,
  onProgress: (progress: BackupProgress) => void,
): Promise<Result<ImportSummary, BackupError>> {
  if (typeof Worker === 'undefined') {
    return file.text().then((text) => importBackup(getDb(), text, now, onProgress));
  }
  return new Promise((resolve, reject) => {
    const worker = new ImportWorker();
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.progress);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.result);
      else reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message));
    });
    const request: ImportRequest = { file, now: now.toISOString() };
    worker.postMessage(request);
  });
}
