import type { Audit, Brand, Evidence, IsoTime, Rubric, StageId, Study, Touchpoint } from '../model';

/** The `format` value every backup file carries. */
export const BACKUP_FORMAT = 'touchpoint-auditor-backup';

/** The backup version this build writes; it reads this one and every earlier one. */
export const BACKUP_VERSION = 2;

/** The versions this build reads: version 1 is upgraded as it is read. */
export const READABLE_VERSIONS = [1, 2] as const;

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
  'categories',
  'audits',
  'touchpoints',
  'evidence',
] as const;

/** The name of one record table of a backup. */
export type Table = (typeof BACKUP_TABLES)[number];

/** A study's own category as a backup holds it (seeded ones are never written). */
export interface BackupCategory {
  id: string;
  label: string;
  defaultStage: StageId;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  deleted?: boolean;
}

/** The records of every table, as a backup holds them. */
export interface BackupTables {
  studies: Study[];
  brands: Brand[];
  rubrics: Rubric[];
  categories: BackupCategory[];
  audits: Audit[];
  touchpoints: Touchpoint[];
  evidence: BackupEvidence[];
}

/** Every table of a backup, empty. */
export const emptyTables = (): BackupTables => ({
  studies: [],
  brands: [],
  rubrics: [],
  categories: [],
  audits: [],
  touchpoints: [],
  evidence: [],
});

/**
 * `backup.json` as this build writes it (version 2, docs/FILES.md): everything, lossless. A
 * version-1 file is read into this shape.
 */
export interface Backup extends BackupTables {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was written, ISO 8601 UTC. */
  exportedAt: string;
}
