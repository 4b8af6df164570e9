import type { BackupProgress } from '@/lib/backup/export-db';
import { exportArchive } from '@/lib/backup/archive/export-archive';
import { importBackupBlob } from '@/lib/backup/archive/import-file';
import { importWithMarker } from '@/lib/backup/import-marker';
import { describeProblem } from '@/lib/i18n';
import type { ImportSummary } from '@/lib/backup/import-db';
import { getDb } from '@/lib/db/schema';
import { caught, problem, type Problem, type Result } from '@/lib/result';
import { withImportLock } from './import-lock';
import ImportWorker from './import-worker.ts?worker';

/** What the report page sends its worker: a file to import, or the archive to write. */
export type ImportRequest =
  | {
      type: 'import';
      file: Blob;
      /** The name the user chose it by, kept in the marker of an import under way. */
      fileName: string;
      /** ISO time of the import. */
      now: string;
    }
  | { type: 'export-archive'; now: string };

/**
 * What the import worker sends back, plain data only: progress, then the outcome (a summary
 * or the problem that refused the file) or an unexpected failure as a problem.
 */
export type ImportReply =
  | { type: 'progress'; progress: BackupProgress }
  | { type: 'done'; result: Result<ImportSummary> }
  | { type: 'exported'; file: { blob: Blob; fileName: string } }
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
  const fileName = file instanceof File ? file.name : 'backup.json';
  if (typeof Worker === 'undefined') {
    const db = getDb();
    const marker = { fileName, startedAt: now.toISOString() };
    return withImportLock(() =>
      importWithMarker(db, marker, () => importBackupBlob(db, file, now, onProgress)),
    ).catch((error: unknown) => ({ ok: false, error: caught(error) }));
  }
  return inWorker({ type: 'import', file, fileName, now: now.toISOString() }, onProgress).then(
    (reply) =>
      reply.type === 'done'
        ? reply.result
        : { ok: false, error: reply.type === 'failed' ? reply.problem : problem('unexpected') },
  );
}

/**
 * Writes the backup archive in the worker too (zipping 750 MB of screenshots is long work that
 * should not hold the page's thread), the Blob coming back by reference; on the page's thread
 * where workers are missing. Rejects on an unexpected failure.
 */
export async function exportArchiveFile(
  now: Date,
  onProgress: (progress: BackupProgress) => void,
): Promise<{ blob: Blob; fileName: string }> {
  if (typeof Worker === 'undefined') return exportArchive(getDb(), now, onProgress);
  const reply = await inWorker({ type: 'export-archive', now: now.toISOString() }, onProgress);
  if (reply.type === 'exported') return reply.file;
  const detail = reply.type === 'failed' ? reply.problem : problem('unexpected');
  throw new Error(describeProblem(detail));
}

/** Runs one request in a new worker: its progress, then its one final reply. */
function inWorker(
  request: ImportRequest,
  onProgress: (progress: BackupProgress) => void,
): Promise<Exclude<ImportReply, { type: 'progress' }>> {
  return new Promise((resolve) => {
    const worker = new ImportWorker();
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.progress);
      worker.terminate();
      resolve(reply);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ type: 'failed', problem: problem('unexpected', { detail: event.message }) });
    });
    worker.postMessage(request);
  });
}
