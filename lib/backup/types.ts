import type { Audit, Brand, Evidence, Rubric, Study, Touchpoint } from '../model';

/** The `format` value every backup file carries. */
export const BACKUP_FORMAT = 'touchpoint-auditor-backup';

/** The backup version this build writes and reads. */
export const BACKUP_VERSION = 1;

/** A screenshot as stored in a backup: the image bytes base64-encoded instead of a Blob. */
export type BackupEvidence = Omit<Evidence, 'blob'> & {
  /** The image bytes, standard base64 (RFC 4648 §4) with padding, no line breaks. */
  dataBase64: string;
};

/** The record tables of a backup, in the order they are written and merged. */
export const BACKUP_TABLES = [
  'studies',
  'brands',
  'rubrics',
  'audits',
  'touchpoints',
  'evidence',
] as const;

/** The name of one record table of a backup. */
export type Table = (typeof BACKUP_TABLES)[number];

/** The records of every table, as a backup holds them. */
export interface BackupTables {
  studies: Study[];
  brands: Brand[];
  rubrics: Rubric[];
  audits: Audit[];
  touchpoints: Touchpoint[];
  evidence: BackupEvidence[];
}

/** `backup.json`, version 1 (docs/FILES.md#backupjson-version-1): everything, lossless. */
export interface BackupV1 extends BackupTables {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was written, ISO 8601 UTC. */
  exportedAt: string;
}
