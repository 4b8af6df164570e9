import { RangeSet } from 'dexie';

/**
 * What Dexie tells its live queries, in this page or worker and (through a BroadcastChannel)
 * in every other page of the extension, once a transaction commits: by default every key it
 * wrote, per table and index. For an import's batches that is thousands of keys: a report
 * page took 156 ms on its own thread just receiving the notice of an archive's swap (a trace
 * of 5,000 touchpoints). `'everything'` says "all may have changed" instead (every live query
 * runs again once, as after a reload); `'nothing'` says nothing (for writes no live query can
 * see: an import's staged rows and screenshots not live yet). Pass the Dexie transaction's
 * `idbtrans`, before its writes.
 */
export function announceTransactionAs(
  idbtrans: IDBTransaction,
  what: 'everything' | 'nothing',
): void {
  // Dexie keeps a transaction's written keys in `idbtrans.mutatedParts` and hands them on when
  // it completes; its own writes to it are let go, and the notice is read from here.
  Object.defineProperty(idbtrans, 'mutatedParts', {
    configurable: true,
    get: () => (what === 'everything' ? { all: new RangeSet(-Infinity, [[]]) } : {}),
    set: () => undefined,
  });
}
