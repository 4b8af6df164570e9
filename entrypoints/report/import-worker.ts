/*
 * The report page's backup import and archive export, run off the page's thread: reading,
 * parsing and checking a big backup.json (about 1.4 s for 100,000 touchpoints), or zipping
 * hundreds of megabytes of screenshots, would otherwise freeze the page.
 * IndexedDB is the same in a worker of the extension's origin, so the import writes from here
 * and only progress and the outcome travel back.
 */
import { exportArchive } from '@/lib/backup/archive/export-archive';
import { importBackupBlob } from '@/lib/backup/archive/import-file';
import type { BackupProgress } from '@/lib/backup/export-db';
import { getDb } from '@/lib/db/schema';
import { caught } from '@/lib/result';
import type { ImportReply, ImportRequest } from './import-client';

/** What a dedicated worker's global offers that the DOM typings of `self` lack. */
interface WorkerScope {
  postMessage(message: ImportReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
}

function main(): void {
  const scope = self as unknown as WorkerScope;
  scope.addEventListener('message', (event) => {
    const request = event.data;
    void (async () => {
      try {
        const onProgress = (progress: BackupProgress) =>
          scope.postMessage({ type: 'progress', progress });
        if (request.type === 'export-archive') {
          const file = await exportArchive(getDb(), new Date(request.now), onProgress);
          scope.postMessage({ type: 'exported', file });
          return;
        }
        const { file, now } = request;
        // An archive streams out of the File; backup.json is read as one text.
        const result = await importBackupBlob(getDb(), file, new Date(now), onProgress);
        scope.postMessage({ type: 'done', result });
      } catch (error) {
        scope.postMessage({ type: 'failed', problem: caught(error) });
      }
    })();
  });
}

main();
