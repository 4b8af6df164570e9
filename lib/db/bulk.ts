import type { Touchpoint } from '../model';
import type { AuditorDb, AuditStats } from './schema';
import { applyToTallies, prepareTallies, tallyTables } from './tallies';

/** Records written per transaction: big enough to cost nothing over one transaction. */
export const BULK_CHUNK = 2_000;

/** The tables {@link putTouchpointsInTransaction} writes: list them in the transaction. */
export const touchpointWriteTables = (db: AuditorDb) => [
  db.touchpoints,
  db.auditStats,
  ...tallyTables(db),
];

/** Options of {@link putTouchpointsInTransaction}. */
export interface PutTouchpointsOptions {
  /**
   * The stored copy of each touchpoint (same order; undefined when new), when the caller has
   * already read them in this transaction: saves reading them again.
   */
  previous?: readonly (Touchpoint | undefined)[];
  /** Called after each chunk of {@link BULK_CHUNK} records is written, with the count so far. */
  onWritten?: (written: number) => void;
}

/**
 * Writes touchpoints inside a transaction the caller has opened over
 * {@link touchpointWriteTables} (an import's one transaction over every table), keeping each
 * audit's counters and its study's report totals in step with the copies they replace. The
 * records go in chunks of {@link BULK_CHUNK}; counters and totals are moved once for all.
 */
export async function putTouchpointsInTransaction(
  db: AuditorDb,
  touchpoints: readonly Touchpoint[],
  now: Date,
  opts: PutTouchpointsOptions = {},
): Promise<void> {
  if (touchpoints.length === 0) return;
  const previous = opts.previous ?? (await db.touchpoints.bulkGet(touchpoints.map((t) => t.id)));
  const changes = touchpoints.map((next, i) => ({ prev: previous[i], next }));
  // Studies without kept totals get them now, from what is stored, so that afterwards only
  // these changes move them (rebuilding after the write would re-read every new record).
  await prepareTallies(db, changes, now);
  const delta = new Map<string, AuditStats>();
  const bump = (tp: Touchpoint, sign: 1 | -1) => {
    if (tp.deleted) return;
    const s = delta.get(tp.auditId) ?? { auditId: tp.auditId, total: 0, byCategory: {} };
    s.total += sign;
    s.byCategory[tp.category] = (s.byCategory[tp.category] ?? 0) + sign;
    delta.set(tp.auditId, s);
  };
  previous.forEach((p) => p && bump(p, -1));
  touchpoints.forEach((t) => bump(t, +1));
  if (touchpoints.length <= BULK_CHUNK) {
    await db.touchpoints.bulkPut(touchpoints.slice());
    opts.onWritten?.(touchpoints.length);
  } else {
    for (let start = 0; start < touchpoints.length; start += BULK_CHUNK) {
      await db.touchpoints.bulkPut(touchpoints.slice(start, start + BULK_CHUNK));
      opts.onWritten?.(Math.min(start + BULK_CHUNK, touchpoints.length));
    }
  }
  const kept = await db.auditStats.bulkGet([...delta.keys()]);
  const merged = [...delta.values()].map((d, i) => {
    const k = kept[i] ?? { auditId: d.auditId, total: 0, byCategory: {} };
    const byCategory = { ...k.byCategory };
    for (const [cat, n] of Object.entries(d.byCategory)) {
      const next = (byCategory[cat] ?? 0) + n;
      if (next > 0) byCategory[cat] = next;
      else delete byCategory[cat];
    }
    return { auditId: d.auditId, total: k.total + d.total, byCategory };
  });
  await db.auditStats.bulkPut(merged);
  await applyToTallies(db, changes, now);
}

/**
 * Writes many touchpoints (imports, benchmarks) in chunked transactions, keeping each audit's
 * counters in step with what it replaces. `onProgress` gets the number written so far.
 */
export async function putTouchpoints(
  db: AuditorDb,
  touchpoints: readonly Touchpoint[],
  onProgress?: (written: number) => void,
): Promise<void> {
  for (let start = 0; start < touchpoints.length; start += BULK_CHUNK) {
    const chunk = touchpoints.slice(start, start + BULK_CHUNK);
    await db.transaction('rw', touchpointWriteTables(db), () =>
      putTouchpointsInTransaction(db, chunk, new Date()),
    );
    onProgress?.(Math.min(start + BULK_CHUNK, touchpoints.length));
  }
}
