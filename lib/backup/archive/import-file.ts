import type { AuditorDb } from '../../db';
import type { Result } from '../../result';
import type { BackupProgress } from '../export-db';
import { importBackup, type ImportOptions, type ImportSummary } from '../import-db';
import { ensureRoom } from '../../util/full-disk';
import { isZip } from './format';
import { importArchive } from './import-archive';

/**
 * Imports a backup file of either kind: a `.tpa.zip` archive (told by its first bytes,
 * `PK\x03\x04`, not by its name) streamed with {@link importArchive}, else `backup.json`
 * (versions 1 and 2) with `importBackup`. Same merge, same all-or-nothing rule. Either throws
 * `DiskNearlyFull` before writing when the disk has no room for it (lib/util/full-disk.ts).
 */
export async function importBackupBlob(
  db: AuditorDb,
  file: Blob,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
  opts?: ImportOptions,
): Promise<Result<ImportSummary>> {
  if (await isZip(file)) return importArchive(db, file, now, onProgress, opts);
  // Its screenshots are smaller stored than in base64: the file's size is room enough.
  await ensureRoom(file.size);
  return importBackup(db, await file.text(), now, onProgress, opts);
}
