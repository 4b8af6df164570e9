import type { IndexableType, Table } from 'dexie';

/** What {@link readRun} found. */
export interface Run<T> {
  /** The row of each key asked for, in the same order (undefined when absent). */
  rows: (T | undefined)[];
  /** Smallest and greatest key asked for. */
  lo: string;
  hi: string;
  /**
   * How many rows the table holds from `lo` to `hi`, when the range read saw them all
   * (undefined when the keys lay too far apart for that).
   */
  inRange?: number;
}

/** A range read takes at most this many rows per key asked for before giving up on it. */
const SLACK = 2;

/**
 * Reads the rows of `keys` from a table keyed by a string `keyPath`. Sync reads keys that
 * follow each other in the table (a batch of the outbox, which is in key order, and the
 * records and revisions it names), so one range read (`getAll` over `lo`…`hi`, capped) stands
 * for one request per key: in Chromium each IndexedDB request costs about as much as
 * the row it reads. Keys the capped read did not reach are read one by one.
 */
export async function readRun<T, K extends IndexableType>(
  table: Table<T, K>,
  keys: readonly string[],
): Promise<Run<T>> {
  let lo = keys[0] ?? '';
  let hi = lo;
  for (const k of keys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (keys.length === 0) return { rows: [], lo, hi, inRange: 0 };
  const keyPath = table.schema.primKey.keyPath as string;
  const limit = keys.length * SLACK;
  const found = await table.where(':id').between(lo, hi, true, true).limit(limit).toArray();
  const byKey = new Map<string, T>();
  for (const row of found) byKey.set((row as Record<string, string>)[keyPath]!, row);
  const complete = found.length < limit;
  if (!complete) {
    const last = (found[found.length - 1] as Record<string, string>)[keyPath]!;
    const beyond = keys.filter((k) => k > last);
    const more = await table.bulkGet(beyond as K[]);
    beyond.forEach((k, i) => {
      const row = more[i];
      if (row !== undefined) byKey.set(k, row);
    });
  }
  return {
    rows: keys.map((k) => byKey.get(k)),
    lo,
    hi,
    inRange: complete ? found.length : undefined,
  };
}
