/*
 * The report page's backup import, run off the page's thread: reading, parsing and checking a
 * big backup.json (about 1.4 s for 100,000 touchpoints) would otherwise freeze the page.
 * IndexedDB is the same in a worker of the extension's origin, so the import writes from here
 * and only progress and the outcome travel back. It holds the import lock and leaves the
 * `importStarted` marker until the import commits, so a page closed half-way is told of on the
 * next visit (docs/RECOVERY.md).
 */
import { importBackup } from '@/lib/backup/import-db';
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
    const { file, fileName, now } = event.data;
    void withImportLock(async () => {
      try {
        const db = getDb();
        const result = await importWithMarker(db, { fileName, startedAt: now }, async () =>
          importBackup(db, await file.text(), new Date(now), (progress) =>
            scope.postMessage({ type: 'progress', progress }),
          ),
        );
        scope.postMessage({ type: 'done', result });
      } catch (error) {
        scope.postMessage({ type: 'failed', problem: caught(error) });
      }
    });
  });
}

main();
