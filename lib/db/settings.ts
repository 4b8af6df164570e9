import type { LanguageSetting } from '../i18n/languages';
import type { AuditorDb } from './schema';

/** Keys of the settings table and the type each holds. */
export interface Settings {
  /** The audit running in this browser profile, if any (one at a time). */
  activeAuditId: string | null;
  /** The audit ended last, so the popup can say what it left undone (re-audits). */
  lastAuditId: string | null;
  /** The shopper's name, remembered for the next audit. */
  shopperName: string;
  /**
   * The CSV dialect the user chose: `,` (decimal point) or `;` (decimal comma); null follows
   * the language (docs/LANGUAGES.md).
   */
  csvDelimiter: ',' | ';' | null;
  /** The language of every page and the tagger: `auto` follows the browser's UI language. */
  language: LanguageSetting;
  /**
   * Test hook: every text in the pseudo-locale (accented, 40 % longer), so a test can see
   * where a longer language would overflow. No menu sets it.
   */
  pseudoLocale: boolean;
  /** How many touchpoints the database held at the last backup (null: never backed up). */
  backupTotal: number | null;
  /** When the last backup of everything was written. */
  lastBackupAt: string | null;
  /** Remind the shopper to back up once this many touchpoints were added since (0: never). */
  backupEvery: number;
  /** The lead's name, written on review comments and decisions (asked once). */
  reviewerName: string;
  /** The lead's reusable review comments, in the order added. */
  commentLibrary: string[];
  /**
   * A backup import that started and has not ended: written as it starts, cleared in the
   * transaction that commits it (or when it is refused). Still set with no import running, it
   * tells the report that one was cut short (docs/RECOVERY.md).
   */
  importStarted: ImportMarker | null;
  /**
   * Team sync: where pulling from the server has got to (the `_changes` sequence) and the
   * server and database it belongs to (docs/SYNC.md#checkpoints).
   */
  syncCheckpoint: { target: string; since: string } | null;
  /** Team sync: the server, database and user this profile syncs with (`syncTarget`). */
  syncTarget: string | null;
  /** Team sync: what the last round did, for the popup and the options (lib/sync/status.ts). */
  syncStatus: SyncStatus | null;
  startDraft: StartDraft | null;
  submitDraft: SubmitDraft | null;
  manualPhoto: ManualPhoto | null;
}

/**
 * The photo picked in the popup's off-page form, kept with that form's draft (`manual`) but
 * apart from it: the form is written at every key press, the photo only when it is picked.
 */
export interface ManualPhoto {
  auditId: string;
  blob: Blob;
  /** The file's name as the shopper picked it. */
  name: string;
}

/**
 * A hand-in of the running audit the checks refused, kept until it goes through: the popup
 * closes when the shopper clicks into the page to fix what the list names, so the popup runs
 * the checks again when it opens and brings back the reason typed for "Submit anyway".
 */
export interface SubmitDraft {
  auditId: string;
  reason: string;
}

/**
 * The popup's start-an-audit form as it is being filled in: a popup closes at the first click
 * elsewhere (into the brief the scenario is copied from), so the form is kept until the audit
 * starts or the form is cancelled. Local, like every setting: never in a backup or synced.
 */
export interface StartDraft {
  studyId: string;
  brandId: string;
  scenario: string;
  shopper: string;
}

/** Which import started when (see `Settings.importStarted`). */
export interface ImportMarker {
  /** The file's name as the user chose it. */
  fileName: string;
  /** ISO time the import started. */
  startedAt: string;
}

/** What team sync did last, as the popup and the options show it. */
export interface SyncStatus {
  /** `ok`: in step with the server; otherwise why it is not syncing. */
  state:
    | 'ok'
    | 'syncing'
    | 'offline'
    | 'unauthorized'
    | 'forbidden'
    | 'no-database'
    | 'no-permission'
    | 'server-error';
  /** When the status was written, ISO. */
  at: string;
  /** When a round last finished in step with the server, ISO (null: never). */
  lastSyncedAt: string | null;
  /** When the next attempt is due after a failure, ISO. */
  retryAt?: string;
  /** An English detail for logs (the server's answer). */
  detail?: string;
}

const defaults: Settings = {
  activeAuditId: null,
  shopperName: '',
  csvDelimiter: null,
  language: 'auto',
  pseudoLocale: false,
  backupTotal: null,
  lastBackupAt: null,
  backupEvery: 50,
  reviewerName: '',
  commentLibrary: [],
  lastAuditId: null,
  importStarted: null,
  syncCheckpoint: null,
  syncTarget: null,
  syncStatus: null,
  startDraft: null,
  submitDraft: null,
  manualPhoto: null,
};

/** Reads one setting, or its default. */
export async function getSetting<K extends keyof Settings>(
  db: AuditorDb,
  key: K,
): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? defaults[key] : (row.value as Settings[K]);
}

/** Writes one setting. */
export async function setSetting<K extends keyof Settings>(
  db: AuditorDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.settings.put({ key, value });
}

/** Removes one setting: it reads as its default again, and leaves no record behind. */
export async function clearSetting(db: AuditorDb, key: keyof Settings): Promise<void> {
  await db.settings.delete(key);
}
