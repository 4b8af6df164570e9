import { clearSetting, getSetting, setSetting, type AuditorDb, type ImportMarker } from '../db';
import { fail, type Result } from '../result';
import { ensureRoom, metFullDisk } from '../util/full-disk';
import { dropUnfinishedImports } from './archive/stage';

/**
 * Runs an import (`run`) with the marker that says one is under way (docs/RECOVERY.md): the
 * `importStarted` setting is written first; a backup.json import's own transaction clears it
 * as it commits (`importBackup`), and it is cleared here once the import has ended either way. So
 * it outlives only an import whose page or browser stopped half-way, whose transaction the
 * browser rolled back. An import that meets a full disk (the marker's write included) comes
 * back as `import-storage-full`, not thrown: nothing of it was made visible (an archive's
 * screenshots written ahead are deleted, or, if the full disk refuses that too, left to the
 * next report page with the marker), and the user is told in words they can act on.
 */
export async function importWithMarker<T>(
  db: AuditorDb,
  marker: ImportMarker,
  run: () => Promise<Result<T>>,
): Promise<Result<T>> {
  let marked = false;
  try {
    // Not a byte written on a disk with no room to spare (lib/util/full-disk.ts).
    await ensureRoom(0);
    await setSetting(db, 'importStarted', marker);
    marked = true;
    const result = await run();
    // A backup.json import cleared it in its own transaction; an archive's swap commits
    // before this clears it (a page closed in that instant leaves a notice it need not).
    await clearSetting(db, 'importStarted');
    return result;
  } catch (error) {
    const full = await metFullDisk(error);
    if (marked) await clearSetting(db, 'importStarted').catch(() => undefined);
    if (full) return fail('import-storage-full');
    throw error;
  }
}

/**
 * The import that was cut short, if any: a marker left behind while no import runs
 * (`running` asks, e.g. whether another tab holds the import's lock). Undefined otherwise.
 * What it left (an archive's staged records and not-yet-live screenshots) is dropped then.
 */
export async function interruptedImport(
  db: AuditorDb,
  running: () => Promise<boolean>,
): Promise<ImportMarker | undefined> {
  const marker = await getSetting(db, 'importStarted');
  if (!marker || (await running())) return undefined;
  await dropUnfinishedImports(db);
  return marker;
}

/** Forgets a cut-short import once the user has read about it. */
export const forgetInterruptedImport = (db: AuditorDb): Promise<void> =>
  clearSetting(db, 'importStarted');
