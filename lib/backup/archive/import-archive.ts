import type { AuditorDb } from '../../db';
import { canvasReencoder } from '../../capture/reencode';
import { ok, problem, type Result } from '../../result';
import { ensureRoom } from '../../util/full-disk';
import { existingRefs, type BackupProgress } from '../export-db';
import type { ImportOptions, ImportSummary } from '../import-db';
import { MANIFEST_FILE } from './format';
import { entryText } from './lines';
import { parseManifest } from './manifest';
import { checkAndStage, dropStaged, dropStaleStaged, newImportId } from './stage';
import { swapIn } from './swap';
import { BlobReader, ZIP_OPTIONS, ZipReader, type FileEntry } from './zip';

/**
 * Imports a backup archive (`.tpa.zip`, docs/FILES.md#backup-archive) from a File or Blob,
 * streaming: the ZIP's directory is read, then its manifest, then each JSON-lines file line by
 * line and each screenshot on its own, so the heap never holds the file. Every record is
 * checked with backup.json's rules and every image by its bytes before anything is visible;
 * the first problem refuses the archive and names the file and line
 * (`records/touchpoints.jsonl line 1204: scores.speed`). Checked touchpoints wait in a staging
 * table, screenshots are written once into `evidence` as pending (not live) rows, and one
 * transaction merges and makes them all live (see `swapIn`): a refusal, a failure or a closed
 * page leaves the database as it was (pending screenshots are deleted then, or at the next
 * start). Unexpected failures are thrown.
 */
export async function importArchive(
  db: AuditorDb,
  file: Blob,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
  opts: ImportOptions = {},
): Promise<Result<ImportSummary>> {
  onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const zip = new ZipReader(new BlobReader(file), ZIP_OPTIONS);
  try {
    const entries = new Map<string, FileEntry>();
    try {
      for (const entry of await zip.getEntries()) {
        if (!entry.directory) entries.set(entry.filename, entry);
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: problem('backup.archive.unreadable', { detail }) };
    }
    const manifestEntry = entries.get(MANIFEST_FILE);
    if (!manifestEntry) {
      return { ok: false, error: problem('backup.archive.missing-file', { file: MANIFEST_FILE }) };
    }
    let manifestText: string;
    try {
      manifestText = await entryText(manifestEntry);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const found = problem('backup.archive.damaged', { file: MANIFEST_FILE, detail });
      return { ok: false, error: { ...found, path: MANIFEST_FILE } };
    }
    const manifest = parseManifest(manifestText);
    if (!manifest.ok) return manifest;

    // Room for every byte it holds, before anything is written (its records are staged, then
    // written again by the swap): an import must never fill the disk (lib/util/full-disk.ts).
    let bytes = 0;
    for (const entry of entries.values()) {
      bytes += entry.uncompressedSize * (entry.filename.startsWith('records/') ? 2 : 1);
    }
    await ensureRoom(bytes);
    await dropStaleStaged(db, now);
    const importId = newImportId(now);
    try {
      const reencode =
        opts.reencode === undefined ? canvasReencoder() : (opts.reencode ?? undefined);
      const staged = await checkAndStage(
        db,
        entries,
        manifest.value,
        await existingRefs(db),
        importId,
        {
          now,
          archive: file,
          reencode,
          maxEvidenceBytes: opts.maxEvidenceBytes,
          onProgress,
        },
      );
      if (!staged.ok) return staged;
      const { small, evidenceUnchanged } = staged.value;
      const merged = await swapIn(db, importId, small, evidenceUnchanged, now, onProgress);
      return ok({ ...merged, notes: staged.value.notes, leftOut: [] });
    } finally {
      // Swapped in, the rows are gone already; refused or failed, they go now.
      await dropStaged(db, importId).catch(() => undefined);
    }
  } finally {
    await zip.close().catch(() => undefined);
  }
}
