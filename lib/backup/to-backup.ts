import { BACKUP_FORMAT, BACKUP_VERSION, type BackupTables, type Backup } from './types';

/**
 * What a backup is made of: every record of every table, tombstones included; screenshots
 * with their bytes already base64-encoded (the caller reads the Blobs).
 */
export type BackupData = BackupTables;

/**
 * The `backup.json` object (docs/FILES.md) for everything passed in, stamped `now`. Records are
 * kept as they are (lossless) in the order given; evidence is rebuilt field by field so a stray
 * `blob` never reaches the file (JSON would turn it into `{}`).
 */
export function toBackup(data: BackupData, now: Date): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    studies: [...data.studies],
    brands: [...data.brands],
    rubrics: [...data.rubrics],
    categories: [...data.categories],
    audits: [...data.audits],
    touchpoints: [...data.touchpoints],
    evidence: data.evidence.map((e) => ({
      id: e.id,
      touchpointId: e.touchpointId,
      mime: e.mime,
      dataBase64: e.dataBase64,
      width: e.width,
      height: e.height,
      sha256: e.sha256,
      capturedAt: e.capturedAt,
      url: e.url,
      ...(e.moment !== undefined && { moment: e.moment }),
    })),
  };
}
