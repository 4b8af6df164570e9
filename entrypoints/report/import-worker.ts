/*
 * The report page's backup import, run off the page's thread: reading, parsing and checking a
 * big backup.json (about 1.4 s for 100,000 touchpoints) would otherwise freeze the page.
 * IndexedDB is the same in a worker of the extension's origin, so the import writes from here
 * and only progress and the outcome travel back.
 */
import { importBackupBlob } from '@/lib/backup/archive/import-file';
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
    const { file, now } = event.data;
    void (async () => {
      try {
        // An archive streams out of the File; backup.json is read as one text.
        const result = await importBackupBlob(getDb(), file, new Date(now), (progress) =>
          scope.postMessage({ type: 'progress', progress }),
        );
        scope.postMessage({ type: 'done', result });
      } catch (error) {
        scope.postMessage({ type: 'failed', problem: caught(error) });
      }
    })();
  });
}

main();
