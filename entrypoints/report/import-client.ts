import type { BackupProgress } from '@/lib/backup/export-db';
import { exportArchive } from '@/lib/backup/archive/export-archive';
import { importBackupBlob } from '@/lib/backup/archive/import-file';
import { importWithMarker } from '@/lib/backup/import-marker';
import { describeProblem } from '@/lib/i18n';
import type { ImportSummary } from '@/lib/backup/import-db';
import { getDb } from '@/lib/db/schema';
import { caught, problem, type Problem, type Result } from '@/lib/result';
import { REVOKE_AFTER_MS } from '@/lib/util/download';
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
 * A written archive: an object URL to download it by, made where the archive was written.
 * Registering the URL of a 750 MB Blob of thousands of parts waits on the browser (a trace
 * of the report page: 674 ms in `URL.createObjectURL` for 5,000 screenshots), so the worker
 * makes it, not the page's thread; the worker is kept {@link REVOKE_AFTER_MS} for the
 * download to read it (a worker's URLs die with it).
 */
export interface ExportedArchive {
  url: string;
  fileName: string;
}

/**
 * What the import worker sends back, plain data only: progress, then the outcome (a summary
 * or the problem that refused the file) or an unexpected failure as a problem.
 */
export type ImportReply =
  | { type: 'progress'; progress: BackupProgress }
  | { type: 'done'; result: Result<ImportSummary> }
  | { type: 'exported'; file: ExportedArchive }
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
 * should not hold the page's thread), its object URL coming back (see `ExportedArchive`); on
 * the page's thread where workers are missing. Rejects on an unexpected failure.
 */
export async function exportArchiveFile(
  now: Date,
  onProgress: (progress: BackupProgress) => void,
): Promise<ExportedArchive> {
  if (typeof Worker === 'undefined') {
    const { blob, fileName } = await exportArchive(getDb(), now, onProgress);
    const url = URL.createObjectURL(blob);
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    return { url, fileName };
  }
  const reply = await inWorker({ type: 'export-archive', now: now.toISOString() }, onProgress);
  if (reply.type === 'exported') return reply.file;
  const detail = reply.type === 'failed' ? reply.problem : problem('unexpected');
  throw new Error(describeProblem(detail));
}

/**
 * Runs one request in a new worker: its progress, then its one final reply. The worker ends
 * with it, or {@link REVOKE_AFTER_MS} after an archive it wrote (whose URL it holds).
 */
function inWorker(
  request: ImportRequest,
  onProgress: (progress: BackupProgress) => void,
): Promise<Exclude<ImportReply, { type: 'progress' }>> {
  return new Promise((resolve) => {
    const worker = new ImportWorker();
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.progress);
      if (reply.type === 'exported') setTimeout(() => worker.terminate(), REVOKE_AFTER_MS);
      else worker.terminate();
      resolve(reply);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ type: 'failed', problem: problem('unexpected', { detail: event.message }) });
    });
    worker.postMessage(request);
  });
}
