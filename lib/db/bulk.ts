import type { Touchpoint } from '../model';
import type { AuditorDb, AuditStats } from './schema';
import { applyToTallies, tallyTables } from './tallies';

/** Records written per transaction: big enough to cost nothing over one transaction. */
export const BULK_CHUNK = 2_000;

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
    await db.transaction('rw', [db.touchpoints, db.auditStats, ...tallyTables(db)], async () => {
      const previous = await db.touchpoints.bulkGet(chunk.map((t) => t.id));
      const delta = new Map<string, AuditStats>();
      const bump = (tp: Touchpoint, sign: 1 | -1) => {
        if (tp.deleted) return;
        const s = delta.get(tp.auditId) ?? { auditId: tp.auditId, total: 0, byCategory: {} };
        s.total += sign;
        s.byCategory[tp.category] = (s.byCategory[tp.category] ?? 0) + sign;
        delta.set(tp.auditId, s);
      };
      previous.forEach((p) => p && bump(p, -1));
      chunk.forEach((t) => bump(t, +1));
      await db.touchpoints.bulkPut(chunk);
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
      const changes = chunk.map((next, i) => ({ prev: previous[i], next }));
      await applyToTallies(db, changes, new Date());
    });
    onProgress?.(Math.min(start + BULK_CHUNK, touchpoints.length));
  }
}
