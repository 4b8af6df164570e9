import type { ReviewComment } from '../model';
import type { BackupTables, Table } from './types';

/** What a merge needs to know of a stored record (rubrics also need their `version`). */
export interface ExistingRecord {
  id: string;
  /** Rubrics only: they are keyed by id + version. */
  version?: number;
  /** Absent for evidence, which never changes. */
  updatedAt?: string;
  deleted?: boolean;
}

/** The stored records per table; a missing table is empty. */
export type ExistingTables = Partial<Record<Table, readonly ExistingRecord[]>>;

/** How many incoming records fall in each outcome; the four add up to the records merged. */
export interface MergeSummary {
  /** New ids (tombstones of records never seen here included: they are stored too). */
  added: number;
  /** Newer copies of stored records, undeletions and newer tombstones of tombstones included. */
  updated: number;
  /** Older or same-time copies: nothing to write. */
  unchanged: number;
  /** Tombstones that delete a live stored record. */
  removed: number;
}

/** What importing a backup writes, and what it amounts to. */
export interface MergePlan {
  /** Records to put (upsert), per table, in the backup's order. */
  put: BackupTables;
  /** Counts over all tables. */
  summary: MergeSummary;
  /** Counts per table. */
  byTable: Record<Table, MergeSummary>;
}

type Outcome = keyof MergeSummary;
type Stamp = { updatedAt?: string; deleted?: boolean; comments?: ReviewComment[] };

/**
 * Two sets of review comments as one, by id (the second's copy of an id wins), oldest first;
 * undefined when neither has any.
 */
function unionComments(
  a: readonly ReviewComment[] | undefined,
  b: readonly ReviewComment[] | undefined,
): ReviewComment[] | undefined {
  if (!a?.length && !b?.length) return a || b ? [...(a ?? b ?? [])] : undefined;
  const byId = new Map<string, ReviewComment>();
  for (const c of [...(a ?? []), ...(b ?? [])]) byId.set(c.id, c);
  return [...byId.values()].sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
}

/** Whether `incoming` carries a comment id that `stored` lacks. */
const bringsComments = (stored: Stamp, incoming: Stamp): boolean =>
  (incoming.comments ?? []).some((c) => !(stored.comments ?? []).some((s) => s.id === c.id));

const emptySummary = (): MergeSummary => ({ added: 0, updated: 0, unchanged: 0, removed: 0 });

function keyOf(table: Table, r: { id: string; version?: number }): string {
  return table === 'rubrics' ? `${r.id}@${r.version}` : r.id;
}

/** Milliseconds of an ISO time; a missing or unreadable one is older than any other. */
function time(iso: string | undefined): number {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/**
 * One record's fate. The newer `updatedAt` wins; at the same time a tombstone wins over a live
 * record (so the result does not depend on which file is merged first) and otherwise the
 * stored copy stays. Evidence is immutable: added when its id is new, else left alone.
 */
function decide(table: Table, stored: Stamp | undefined, incoming: Stamp): Outcome {
  if (!stored) return 'added';
  if (table === 'evidence') return 'unchanged';
  const a = time(incoming.updatedAt);
  const b = time(stored.updatedAt);
  const deletes = incoming.deleted === true && stored.deleted !== true;
  if (a > b) return deletes ? 'removed' : 'updated';
  return a === b && deletes ? 'removed' : 'unchanged';
}

/**
 * Plans importing a backup into what is stored (docs/FILES.md): merge by id (rubrics by id +
 * version), newer `updatedAt` wins, a tombstone wins over an older record, evidence is added
 * when missing, a touchpoint's review comments are merged as a set by id whichever copy wins. Pure and deterministic; the caller writes `put` in one transaction. Two
 * copies with the same id and `updatedAt` are taken to be the same version of the record.
 * Records repeated within the backup are merged in turn, the later against the earlier.
 */
export function planMerge(existing: ExistingTables, incoming: BackupTables): MergePlan {
  const summary = emptySummary();
  const byTable = {} as Record<Table, MergeSummary>;
  const run = <T extends ExistingRecord>(table: Table, records: readonly T[]): T[] => {
    const state = new Map<string, Stamp>();
    for (const r of existing[table] ?? []) state.set(keyOf(table, r), r);
    const counts = emptySummary();
    const out: T[] = [];
    for (const r of records) {
      const key = keyOf(table, r);
      const stored = state.get(key);
      let outcome = decide(table, stored, r);
      let record: T = r;
      if (table === 'touchpoints' && stored) {
        // Review comments are a set: whichever copy wins, the other's comments are kept.
        const comments = unionComments(stored.comments, (r as Stamp).comments);
        if (outcome !== 'unchanged') record = comments ? { ...r, comments } : r;
        else if (bringsComments(stored, r)) {
          record = { ...(stored as T), comments };
          outcome = 'updated';
        }
      }
      counts[outcome] += 1;
      summary[outcome] += 1;
      if (outcome !== 'unchanged') {
        out.push(record);
        state.set(key, record);
      }
    }
    byTable[table] = counts;
    return out;
  };
  const put: BackupTables = {
    studies: run('studies', incoming.studies),
    brands: run('brands', incoming.brands),
    rubrics: run('rubrics', incoming.rubrics),
    categories: run('categories', incoming.categories),
    audits: run('audits', incoming.audits),
    touchpoints: run('touchpoints', incoming.touchpoints),
    evidence: run('evidence', incoming.evidence),
  };
  return { put, summary, byTable };
}
