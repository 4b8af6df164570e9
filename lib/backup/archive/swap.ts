import { Dexie } from 'dexie';
import {
  announceTransactionAs,
  docIdOf,
  putTouchpointsInTransaction,
  rebuildStudyTally,
  touchpointWriteTables,
  type AuditorDb,
  type StagedRecord,
} from '../../db';
import type { Audit, Evidence, Study, Touchpoint } from '../../model';
import type { BackupProgress } from '../export-db';
import {
  putSmallTables,
  storedCopies,
  storedTouchpoints,
  studiesMovedBy,
  type ImportSummary,
} from '../import-db';
import { planMerge, type MergeSummary } from '../merge';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  emptyTables,
  type Backup,
  type Table,
} from '../types';
import type { SmallTables } from './stage';
import { stagedRange } from './stage';

/** Staged touchpoints merged per read. */
const TOUCHPOINTS_PER_PAGE = 2_000;
/** Staged screenshots merged per read (their bytes stay Blobs on disk). */
const EVIDENCE_PER_PAGE = 100;

const emptySummary = (): MergeSummary => ({ added: 0, updated: 0, unchanged: 0, removed: 0 });

const backupOf = (parts: Partial<Backup>): Backup => ({
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  exportedAt: '',
  ...emptyTables(),
  ...parts,
});

/**
 * One import's staged records of a table, a page at a time in the order they were staged,
 * read inside the caller's transaction.
 */
async function* stagedPages(
  db: AuditorDb,
  importId: string,
  table: StagedRecord['table'],
  size: number,
): AsyncGenerator<StagedRecord[]> {
  let after = -1;
  for (;;) {
    const page = await db.staging
      .where('[importId+table+seq]')
      .between([importId, table, after], [importId, table, Infinity], false, true)
      .limit(size)
      .toArray();
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.seq!;
    if (page.length < size) return;
  }
}

/**
 * Moves a checked, staged archive into the real tables in ONE transaction, merged as
 * backup.json is (`planMerge`: newer `updatedAt` wins, tombstones win over older records,
 * evidence is added when new), touchpoints through the path that keeps audit counters and
 * study totals. Screenshots written ahead into `evidence` (see `checkAndStage`) become live by
 * deleting their pending rows, without their bytes being written again. Staged records are read a page at a time, so the heap holds one page; the
 * staged rows are deleted in the same transaction. A failure, or the page closing, before it
 * commits leaves every table as it was.
 */
export async function swapIn(
  db: AuditorDb,
  importId: string,
  small: SmallTables,
  evidenceUnchanged: number,
  now: Date,
  onProgress?: (progress: BackupProgress) => void,
): Promise<Pick<ImportSummary, 'summary' | 'byTable'>> {
  const tables = [
    db.studies,
    db.brands,
    db.rubrics,
    db.categories,
    db.audits,
    db.evidence,
    db.staging,
    db.pendingEvidence,
    db.syncOutbox,
    ...touchpointWriteTables(db),
  ];
  return db.transaction('rw', tables, async () => {
    // Thousands of keys change at once: live queries are told "everything" (see there).
    announceTransactionAs(Dexie.currentTransaction!.idbtrans, 'everything');
    const pending = (await db.pendingEvidence
      .where('importId')
      .equals(importId)
      .primaryKeys()) as string[];
    const total = (await stagedRange(db, importId).count()) + pending.length;
    const byTable = Object.fromEntries(BACKUP_TABLES.map((t) => [t, emptySummary()])) as Record<
      Table,
      MergeSummary
    >;
    const add = (plan: { byTable: Record<Table, MergeSummary> }) => {
      for (const t of BACKUP_TABLES) {
        for (const k of Object.keys(emptySummary()) as (keyof MergeSummary)[]) {
          byTable[t][k] += plan.byTable[t][k];
        }
      }
    };

    const incoming = backupOf(small);
    const stored = await storedCopies(db, incoming);
    const plan = planMerge(stored.tables, incoming);
    add(plan);
    const { put } = plan;
    await putSmallTables(db, put, now);

    let done = 0;
    for await (const page of stagedPages(db, importId, 'touchpoints', TOUCHPOINTS_PER_PAGE)) {
      const records = page.map((s) => s.record as Touchpoint);
      const before = await storedTouchpoints(
        db,
        records.map((r) => r.id),
      );
      const pagePlan = planMerge({ touchpoints: before }, backupOf({ touchpoints: records }));
      add(pagePlan);
      const storedById = new Map(before.map((tp) => [tp.id, tp]));
      const changed = pagePlan.put.touchpoints;
      await putTouchpointsInTransaction(db, changed, now, {
        previous: changed.map((tp) => storedById.get(tp.id)),
      });
      done += page.length;
      onProgress?.({ phase: 'writing', done, total });
    }

    for await (const page of stagedPages(db, importId, 'evidence', EVIDENCE_PER_PAGE)) {
      const records = page.map((s) => s.record as Evidence);
      const ids = records.map((r) => r.id);
      const had = await db.evidence.where('id').anyOf(ids).primaryKeys();
      // planMerge reads ids only: a stored screenshot is never replaced.
      const pagePlan = planMerge(
        { evidence: had.map((id) => ({ id: String(id) })) },
        backupOf({ evidence: records as unknown as Backup['evidence'] }),
      );
      add(pagePlan);
      await db.evidence.bulkPut(pagePlan.put.evidence as unknown as Evidence[]);
      done += page.length;
      onProgress?.({ phase: 'writing', done, total });
    }

    // The screenshots written ahead become live: their pending rows go (their bytes stay where
    // they are), and they are queued for sync as any write is.
    await db.pendingEvidence.bulkDelete(pending);
    await db.syncOutbox.bulkPut(
      pending.map((id) => ({
        docId: docIdOf('evidence', id),
        table: 'evidence' as const,
        key: id,
        stamp: crypto.randomUUID(),
      })),
    );
    byTable.evidence.added += pending.length;
    byTable.evidence.unchanged += evidenceUnchanged;
    done += pending.length;
    onProgress?.({ phase: 'writing', done, total });

    const before = {
      audits: (stored.tables.audits ?? []) as Audit[],
      studies: (stored.tables.studies ?? []) as Study[],
    };
    for (const studyId of studiesMovedBy(before, put)) {
      await rebuildStudyTally(db, studyId, now);
    }
    await stagedRange(db, importId).delete();
    const summary = emptySummary();
    for (const t of BACKUP_TABLES) {
      for (const k of Object.keys(summary) as (keyof MergeSummary)[]) summary[k] += byTable[t][k];
    }
    return { summary, byTable };
  });
}
