/*
 * The report page's backup import and archive export, run off the page's thread: reading,
 * parsing and checking a big backup.json (about 1.4 s for 100,000 touchpoints), or zipping
 * hundreds of megabytes of screenshots, would otherwise freeze the page.
 * IndexedDB is the same in a worker of the extension's origin, so the import writes from here
 * and only progress and the outcome travel back. It holds the import lock and leaves the
 * `importStarted` marker until the import commits, so a page closed half-way is told of on the
 * next visit (docs/RECOVERY.md).
 */
import { exportArchive } from '@/lib/backup/archive/export-archive';
import { importBackupBlob } from '@/lib/backup/archive/import-file';
import type { BackupProgress } from '@/lib/backup/export-db';
import { importWithMarker } from '@/lib/backup/import-marker';
import { getDb } from '@/lib/db/schema';
import { caught } from '@/lib/result';
import type { ImportReply, ImportRequest } from './import-client';
import { withImportLock } from './import-lock';

/** What a dedicated worker's global offers that the DOM typings of `self` lack. */
interface WorkerScope {
  postMessage(message: ImportReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
}

function main(): void {
  const scope = self as unknown as WorkerScope;
  scope.addEventListener('message', (event) => {
    const request = event.data;
    const onProgress = (progress: BackupProgress) =>
      scope.postMessage({ type: 'progress', progress });
    if (request.type === 'export-archive') {
      void exportArchive(getDb(), new Date(request.now), onProgress).then(
        // The URL is made here: registering it waits on the browser (import-client.ts).
        ({ blob, fileName }) =>
          scope.postMessage({
            type: 'exported',
            file: { url: URL.createObjectURL(blob), fileName },
          }),
        (error: unknown) => scope.postMessage({ type: 'failed', problem: caught(error) }),
      );
      return;
    }
    const { file, fileName, now } = request;
    void withImportLock(async () => {
      try {
        const db = getDb();
        // An archive streams out of the File; backup.json is read as one text.
        const result = await importWithMarker(db, { fileName, startedAt: now }, () =>
          importBackupBlob(db, file, new Date(now), onProgress),
        );
        scope.postMessage({ type: 'done', result });
      } catch (error) {
        scope.postMessage({ type: 'failed', problem: caught(error) });
      }
    });
  });
}

main();
