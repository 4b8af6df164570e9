import type { ReviewComment, Touchpoint } from '../model';
import type { AuditorDb, AuditStats } from './schema';
import { applyToTallies, tallyTables } from './tallies';

/** What the tagger or the off-page form provides; ids and times are made here. */
export type NewTouchpoint = Omit<Touchpoint, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>;

/** Adds (+1) or removes (−1) one live touchpoint from its audit's kept counters. */
async function bumpStats(db: AuditorDb, tp: Touchpoint, sign: 1 | -1): Promise<void> {
  const stats: AuditStats = (await db.auditStats.get(tp.auditId)) ?? {
    auditId: tp.auditId,
    total: 0,
    byCategory: {},
  };
  stats.total += sign;
  const n = (stats.byCategory[tp.category] ?? 0) + sign;
  if (n > 0) stats.byCategory[tp.category] = n;
  else delete stats.byCategory[tp.category];
  await db.auditStats.put(stats);
}

/**
 * Writes a touchpoint and, in the same transaction, keeps its audit's counters and its
 * study's report totals in step with the copy it replaces.
 */
async function writeTouchpoint(db: AuditorDb, next: Touchpoint): Promise<void> {
  await db.transaction('rw', [db.touchpoints, db.auditStats, ...tallyTables(db)], async () => {
    const prev = await db.touchpoints.get(next.id);
    if (prev && !prev.deleted) await bumpStats(db, prev, -1);
    await db.touchpoints.put(next);
    if (!next.deleted) await bumpStats(db, next, +1);
    await applyToTallies(db, [{ prev, next }], new Date(next.updatedAt));
  });
}

/** Stores a new touchpoint with a fresh UUID (or the id its evidence was made for). */
export async function createTouchpoint(
  db: AuditorDb,
  input: NewTouchpoint,
  now: Date,
  id: string = crypto.randomUUID(),
): Promise<Touchpoint> {
  const at = now.toISOString();
  const tp: Touchpoint = { ...input, id, createdAt: at, updatedAt: at };
  await writeTouchpoint(db, tp);
  return tp;
}

/** Edits a touchpoint's fields; `updatedAt` moves on. Undefined when it does not exist. */
export async function updateTouchpoint(
  db: AuditorDb,
  id: string,
  changes: Partial<Pick<Touchpoint, 'category' | 'stage' | 'channel' | 'scores' | 'notes'>>,
  now: Date,
): Promise<Touchpoint | undefined> {
  const prev = await db.touchpoints.get(id);
  if (!prev) return undefined;
  const next: Touchpoint = { ...prev, ...changes, updatedAt: now.toISOString() };
  await writeTouchpoint(db, next);
  return next;
}

/**
 * Adds the lead's review comment to a touchpoint (a fresh id, `at` = now); `updatedAt` moves
 * on so merges keep it. Undefined when the touchpoint does not exist.
 */
export async function addTouchpointComment(
  db: AuditorDb,
  id: string,
  comment: Pick<ReviewComment, 'by' | 'text'>,
  now: Date,
): Promise<Touchpoint | undefined> {
  return db.transaction('rw', [db.touchpoints, db.auditStats, ...tallyTables(db)], async () => {
    const prev = await db.touchpoints.get(id);
    if (!prev) return undefined;
    const at = now.toISOString();
    const added: ReviewComment = {
      id: crypto.randomUUID(),
      at,
      by: comment.by,
      text: comment.text,
    };
    const next: Touchpoint = {
      ...prev,
      comments: [...(prev.comments ?? []), added],
      updatedAt: at,
    };
    await writeTouchpoint(db, next);
    return next;
  });
}

/** Deletes (true) or restores (false) a touchpoint, leaving a tombstone for merges. */
export async function setTouchpointDeleted(
  db: AuditorDb,
  id: string,
  deleted: boolean,
  now: Date,
): Promise<Touchpoint | undefined> {
  const prev = await db.touchpoints.get(id);
  if (!prev) return undefined;
  const next: Touchpoint = { ...prev, deleted, updatedAt: now.toISOString() };
  if (!deleted) delete next.deleted;
  await writeTouchpoint(db, next);
  return next;
}

/** The live touchpoints of one audit, oldest first (reads the [auditId+category] prefix). */
export async function listTouchpointsOfAudit(
  db: AuditorDb,
  auditId: string,
): Promise<Touchpoint[]> {
  const all = await db.touchpoints.where('auditId').equals(auditId).toArray();
  return all.filter((t) => !t.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The kept counters of one audit (zeros when it has none yet). */
export async function getAuditStats(db: AuditorDb, auditId: string): Promise<AuditStats> {
  return (await db.auditStats.get(auditId)) ?? { auditId, total: 0, byCategory: {} };
}
