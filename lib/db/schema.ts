import { Dexie, type EntityTable } from 'dexie';
import type {
  Audit,
  Brand,
  Category,
  ChannelId,
  Evidence,
  Rubric,
  ScoreValue,
  StageId,
  Study,
  Touchpoint,
  Anchor,
  RelocatedBy,
  Redaction,
  SensitiveKind,
} from '../model';
import { upgradeAudit, upgradeStudy } from '../model';
import type { Tally } from '../report/types';
import { outboxMiddleware, type OutboxEntry, type SyncRefusal, type SyncRev } from './sync-outbox';

/** The database's name in the extension's origin (never in a visited page's). */
export const DB_NAME = 'touchpoint-auditor';

/** A tagger panel's unsaved state, kept per tab as the shopper types. */
export interface Draft {
  /** `tab:<tabId>` for the tagger; `manual` for the popup's off-page form. */
  tabKey: string;
  auditId: string | null;
  category: string;
  stage: StageId;
  channel: ChannelId;
  scores: Record<string, ScoreValue>;
  notes: string;
  /** Whether the evidence capture should keep form field values visible. */
  includeFieldValues: boolean;
  /** Kinds of personal data the shopper uncovered for this tag's screenshot. */
  uncovered?: SensitiveKind[];
  url: string | null;
  pageTitle: string | null;
  anchor: Anchor | null;
  /** The id the tagger made for this tag, so a retried or restored save stores it once. */
  touchpointId?: string;
  /** The re-audit "Visit again" opened this tab for; attached to the touchpoint on Save. */
  reaudit?: PendingReaudit;
  /** The screenshot taken as the shopper picked the element, compared with Save's. */
  pickShot?: PickShot;
  updatedAt: string;
}

/**
 * The tab captured the moment the shopper picked the element, kept with the draft, never in the
 * page (docs/ARCHITECTURE.md#evidence-at-pick-time): cropped like evidence, with the element's
 * box alone downscaled (`RegionSample` of `lib/capture`) to compare with the capture at Save.
 */
export interface PickShot extends Pick<Evidence, 'blob' | 'mime' | 'width' | 'height' | 'sha256'> {
  /** The touchpoint id the pick was made for: a later pick in the tab has another. */
  touchpointId: string;
  sample: { side: number; rgba: Uint8Array } | null;
  /** Whether form fields were masked in it (a capture masked otherwise is not compared). */
  masked: boolean;
  capturedAt: string;
  /** The personal data it covered (docs/REDACTION.md), and the kinds left uncovered in it. */
  redactions?: Redaction[];
  uncovered?: SensitiveKind[];
  /** Frames of the page it covered whole: they did not answer in time. Absent when none. */
  coveredFrames?: number;
}

/**
 * A re-audit waiting for its Save (docs/ARCHITECTURE.md#re-audits): kept with the tab's draft,
 * not in the service worker's memory, which Chrome may drop at any time.
 */
export interface PendingReaudit {
  /** The earlier wave's touchpoint. */
  previousId: string;
  /** Its wave's label. */
  wave: string;
  relocatedBy: RelocatedBy;
  /** Whether the element found again shows other text; absent when it is gone. */
  textChanged?: boolean;
  /** The earlier touchpoint's scores, shown beside the panel. */
  scores: Record<string, ScoreValue>;
  /** Its screenshot, downscaled to a small JPEG data URL; null when it had none. */
  shot: string | null;
}

/** A small key–value setting (active audit, remembered shopper name, CSV delimiter…). */
export interface Setting {
  key: string;
  value: unknown;
}

/**
 * Counters kept up to date in the same transaction as every touchpoint write, so the popup
 * never counts by scanning (a `count()` of 100,000 records takes ~0.8 s here).
 */
export interface AuditStats {
  auditId: string;
  /** Live (not deleted) touchpoints of the audit. */
  total: number;
  /** Live touchpoints by category id. */
  byCategory: Record<string, number>;
}

/**
 * A study's report totals (docs/ARCHITECTURE.md#scoring-and-aggregation), kept in the same
 * transaction as every touchpoint
 * write so the report never scans touchpoints. A cache: rebuilt from the touchpoints when
 * missing or when the study moves to another rubric version.
 */
export interface StudyTally {
  studyId: string;
  /** The rubric the totals were computed with; a different pinned version forces a rebuild. */
  rubricId: string;
  rubricVersion: number;
  /** The totals of each wave, by wave label; calibration audits are not counted. */
  waves: Record<string, Tally>;
  updatedAt: string;
}

/**
 * A record of an archive import set aside until the whole file has been checked
 * (docs/ARCHITECTURE.md#backup-archive): nothing of it is visible until one transaction moves
 * every staged record of its import into the real tables.
 */
export interface StagedRecord {
  /** Insertion order: records are merged in the order the file holds them. */
  seq?: number;
  /** The import that staged it: `<start time, 15 digits>-<random>`, so stale ones sort first. */
  importId: string;
  table: 'touchpoints' | 'evidence';
  record: Touchpoint | Evidence;
}

/**
 * A screenshot an archive import wrote straight into `evidence` before the import commits
 * (docs/ARCHITECTURE.md#backup-archive): while its row is here the screenshot is not live.
 * Its touchpoint is not stored yet, so nothing reaches it by `touchpointId`; whole-table
 * readers skip it (`pendingEvidenceIds`). The swap deletes these rows, which makes the
 * screenshots live without writing their bytes again; a refused, failed or abandoned import
 * deletes the screenshots with them.
 */
export interface PendingEvidence {
  /** The screenshot's id in `evidence`. */
  id: string;
  /** The import that wrote it (as `StagedRecord.importId`). */
  importId: string;
}

/** The typed Dexie database; one shared instance per extension context (see `getDb`). */
export class AuditorDb extends Dexie {
  studies!: EntityTable<Study, 'id'>;
  brands!: EntityTable<Brand, 'id'>;
  rubrics!: Dexie.Table<Rubric, [string, number]>;
  audits!: EntityTable<Audit, 'id'>;
  touchpoints!: EntityTable<Touchpoint, 'id'>;
  evidence!: EntityTable<Evidence, 'id'>;
  drafts!: EntityTable<Draft, 'tabKey'>;
  categories!: EntityTable<Category, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  auditStats!: EntityTable<AuditStats, 'auditId'>;
  studyTallies!: EntityTable<StudyTally, 'studyId'>;
  syncOutbox!: EntityTable<OutboxEntry, 'docId'>;
  syncRevs!: EntityTable<SyncRev, 'docId'>;
  syncRefusals!: EntityTable<SyncRefusal, 'docId'>;
  staging!: EntityTable<StagedRecord, 'seq'>;
  pendingEvidence!: EntityTable<PendingEvidence, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1. Released versions are history: never edit them; add version(n + 1) with an
    // upgrade() and a test in tests/lib/db/upgrade.test.ts. Indexes are few on purpose: each
    // one costs about 1.2–2× on every write (scripts/bench/page/idb-writes.ts measures writes).
    this.version(1).stores({
      studies: 'id',
      brands: 'id',
      // Compound primary key: every version of a rubric is kept; `id` finds all versions.
      rubrics: '[id+version], id',
      audits: 'id, studyId, brandId',
      // [auditId+category] also serves "by audit" queries through its prefix, and counts per
      // category for the popup over a small key range instead of a scan.
      touchpoints: 'id, [auditId+category]',
      evidence: 'id, touchpointId',
      drafts: 'tabKey',
      categories: 'id',
      settings: 'key',
      auditStats: 'auditId',
    });
    // Version 2 adds the report's kept totals. No upgrade() is needed: a missing tally is
    // rebuilt from the touchpoints the first time it is read or written (lib/db/tallies.ts).
    this.version(2).stores({ studyTallies: 'studyId' });
    // Version 3: waves, review and calibration (docs/ARCHITECTURE.md#waves-and-trends). Every
    // study gets `waves = [wave]`; every audit lands in its study's wave as a real audit,
    // `submitted` when it has ended. Kept totals become per wave: the old ones are dropped and
    // rebuilt on first read.
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        const waveOf = new Map<string, string>();
        await tx
          .table<Study>('studies')
          .toCollection()
          .modify((study) => {
            upgradeStudy(study);
            waveOf.set(study.id, study.wave);
          });
        await tx
          .table<Audit>('audits')
          .toCollection()
          .modify((audit) => upgradeAudit(audit, waveOf.get(audit.studyId)));
        await tx.table('studyTallies').clear();
      });
    // Version 4: team sync (docs/SYNC.md). The outbox lists every record written since it was
    // last pushed (filled by `outboxMiddleware` in the write's own transaction), the server's
    // revision of each document, and the writes the server refused. No upgrade(): turning sync
    // on queues every stored record once (lib/sync/queue-all.ts).
    this.version(4).stores({ syncOutbox: 'docId', syncRevs: 'docId', syncRefusals: 'docId' });
    this.use(outboxMiddleware);
    // Version 5: a staging table for archive imports too big for one transaction's wait
    // (lib/backup/archive/stage.ts). Nothing to upgrade: it starts empty.
    this.version(5).stores({ staging: '++seq, [importId+table+seq]' });
    // Version 6: screenshots of an archive import are written once, straight into `evidence`,
    // and listed here until the import commits (lib/backup/archive/stage.ts). Nothing to
    // upgrade: it starts empty.
    this.version(6).stores({ pendingEvidence: 'id, importId' });
    // Another page (or a newer copy of the extension) opens a newer version: this connection
    // would block its upgrade. It closes for good instead of Dexie's default reopen, which
    // would let this older code write old-shaped records into the newer schema; the page is
    // told to reload (docs/RECOVERY.md#a-newer-version-opened-elsewhere). A deletion
    // (newVersion null) keeps Dexie's default.
    this.on('versionchange', (event: IDBVersionChangeEvent) => {
      if (event.newVersion === null) return undefined;
      this.superseded = true;
      this.close({ disableAutoOpen: true });
      for (const listener of this.supersededListeners) listener();
      // Dexie runs the latest subscriber first; false keeps its default (reopen) from running.
      return false;
    });
  }

  /** Set once a newer version of the database was opened elsewhere and this one closed. */
  superseded = false;
  private readonly supersededListeners = new Set<() => void>();

  /**
   * Calls `listener` when a newer version of the database is opened elsewhere (this connection
   * has then closed; every later read or write fails with Dexie's `DatabaseClosedError`, which
   * `caught` calls `app-updated`). Answers the unsubscribe.
   */
  onSuperseded(listener: () => void): () => void {
    this.supersededListeners.add(listener);
    return () => this.supersededListeners.delete(listener);
  }
}

let shared: AuditorDb | undefined;

/** The shared database of this context, opened on first use. */
export function getDb(): AuditorDb {
  shared ??= new AuditorDb();
  return shared;
}
