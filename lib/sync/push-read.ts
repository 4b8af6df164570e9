import type { AuditorDb } from '../db';
import { SYNCED_TABLES, type OutboxEntry, type SyncedTable } from '../db/sync-outbox';
import { blobToBase64 } from '../backup/base64';
import type { Audit, Evidence, Touchpoint } from '../model';
import { toDoc, type CouchDoc } from './docs';
import { readRun } from './read-run';

/** The push order of the tables: a record's references before it. */
export const TABLE_ORDER = Object.keys(SYNCED_TABLES) as SyncedTable[];

/** A record read for the push. */
export interface Loaded {
  entry: OutboxEntry;
  table: SyncedTable;
  record: Record<string, unknown>;
}

/** A batch ready to send: its records, the entries with nothing to send, the documents. */
export interface Prepared {
  /** How many outbox entries, from the batch's start, it covers. */
  consumed: number;
  loaded: Loaded[];
  gone: OutboxEntry[];
  docs: CouchDoc[];
}

/** Consecutive entries of one table (a batch spans at most a few tables). */
export function byTable<T extends { table: SyncedTable }>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.table === item.table) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * Who owns what, remembered over one push: the shopper of each audit and the audit of each
 * touchpoint (audits go up before their touchpoints, touchpoints before their screenshots, so
 * a whole push reads each at most once).
 */
export class Owners {
  private readonly shopperOf = new Map<string, string | undefined>();
  private readonly auditOf = new Map<string, string | undefined>();

  /** Each owned record's `owner`; call inside a transaction over audits and touchpoints. */
  async of(
    db: AuditorDb,
    loaded: readonly Loaded[],
  ): Promise<Map<Record<string, unknown>, string>> {
    for (const { table, record } of loaded) {
      if (table === 'audits')
        this.shopperOf.set(String(record.id), (record as unknown as Audit).shopper);
      if (table === 'touchpoints') {
        this.auditOf.set(String(record.id), (record as unknown as Touchpoint).auditId);
      }
    }
    const touchpointIds = [
      ...new Set(
        loaded
          .filter((l) => l.table === 'evidence')
          .map((l) => (l.record as unknown as Evidence).touchpointId)
          .filter((id) => !this.auditOf.has(id)),
      ),
    ];
    (await db.touchpoints.bulkGet(touchpointIds)).forEach((t, i) =>
      this.auditOf.set(touchpointIds[i]!, t?.auditId),
    );
    const auditIds = [
      ...new Set(
        [...this.auditOf.values()].filter((id): id is string => !!id && !this.shopperOf.has(id)),
      ),
    ];
    (await db.audits.bulkGet(auditIds)).forEach((a, i) =>
      this.shopperOf.set(auditIds[i]!, a?.shopper),
    );
    const owners = new Map<Record<string, unknown>, string>();
    for (const { table, record } of loaded) {
      let auditId: string | undefined;
      if (table === 'audits') auditId = String(record.id);
      else if (table === 'touchpoints') auditId = (record as unknown as Touchpoint).auditId;
      else if (table === 'evidence')
        auditId = this.auditOf.get((record as unknown as Evidence).touchpointId);
      const shopper = auditId === undefined ? undefined : this.shopperOf.get(auditId);
      if (shopper !== undefined) owners.set(record, shopper);
    }
    return owners;
  }
}

/** The rows of one table's outbox entries (a run of keys: one range read; rubrics one by one). */
async function readRecords(
  db: AuditorDb,
  table: SyncedTable,
  entries: readonly OutboxEntry[],
): Promise<(Record<string, unknown> | undefined)[]> {
  if (table === 'rubrics') {
    return (await db.rubrics.bulkGet(entries.map((e) => e.key as [string, number]))) as (
      Record<string, unknown> | undefined
    )[];
  }
  const rows = db.table(table);
  return (
    await readRun(
      rows,
      entries.map((e) => e.key as string),
    )
  ).rows as (Record<string, unknown> | undefined)[];
}

/** Screenshots read first while a batch fills, before their sizes say how many fit. */
const FIRST_SHOTS_READ = 50;

/**
 * How many screenshots to read next for a batch with `left` bytes to go, given the `shots`
 * of `bytes` taken so far (in this batch; a batch that starts on them reads
 * {@link FIRST_SHOTS_READ}): as many as fit at their mean size, and one more to find it full.
 */
function shotsToRead(left: number, shots: number, bytes: number): number {
  if (shots === 0 || bytes === 0) return FIRST_SHOTS_READ;
  return Math.max(1, Math.ceil(left / (bytes / shots))) + 1;
}

/**
 * Reads and encodes one batch: the outbox entries `batch` (in push order), cut short once
 * its screenshots pass `maxBytes` (at least one document goes). Records, their revisions
 * and their owners are read in one transaction, by runs of keys (screenshots a few at a time,
 * see {@link shotsToRead}).
 */
export async function prepareBatch(
  db: AuditorDb,
  batch: readonly OutboxEntry[],
  owners: Owners,
  maxBytes: number,
): Promise<Prepared> {
  const read = await db.transaction(
    'r',
    [...TABLE_ORDER.map((t) => db.table(t)), db.syncRevs],
    async () => {
      const loaded: (Loaded & { rev?: string })[] = [];
      const gone: OutboxEntry[] = [];
      let consumed = 0;
      let bytes = 0;
      let full = false;
      let shots = 0;
      for (const group of byTable(batch)) {
        const table = group[0]!.table;
        for (let from = 0; from < group.length && !full;) {
          // Screenshots are read a few at a time: a batch closes at `maxBytes`, after a few
          // dozen full-size ones, and each stored Blob read costs (a handle to its file).
          const take =
            table === 'evidence' ? shotsToRead(maxBytes - bytes, shots, bytes) : group.length;
          const part = group.slice(from, from + take);
          from += part.length;
          const rows = await readRecords(db, table, part);
          const revs = (
            await readRun(
              db.syncRevs,
              part.map((e) => e.docId),
            )
          ).rows;
          for (let i = 0; i < part.length; i += 1) {
            const record = rows[i];
            const size = table === 'evidence' ? ((record?.blob as Blob | undefined)?.size ?? 0) : 0;
            if (consumed > 0 && bytes + size > maxBytes) {
              full = true;
              break;
            }
            consumed += 1;
            bytes += size;
            if (table === 'evidence') shots += 1;
            // Gone (cleared) or a seeded category: nothing to send.
            if (!record || (table === 'categories' && record.builtin === true)) gone.push(part[i]!);
            else loaded.push({ entry: part[i]!, table, record, rev: revs[i]?.rev });
          }
        }
        if (full) break;
      }
      const ownerOf = await owners.of(db, loaded);
      return { loaded, gone, consumed, ownerOf };
    },
  );
  const { loaded, gone, consumed, ownerOf } = read;
  const shots = loaded.filter((l) => l.table === 'evidence');
  // Each stored Blob is read on its own: reading them as one concatenated Blob measured the same.
  const images = await Promise.all(
    shots.map((l) => blobToBase64((l.record as unknown as Evidence).blob)),
  );
  const imageOf = new Map(shots.map((l, i) => [l.record, images[i]!]));
  const docs = loaded.map((l) => {
    const base64 = imageOf.get(l.record);
    return toDoc(l.entry.docId, l.record, {
      rev: l.rev,
      owner: ownerOf.get(l.record),
      image: base64 === undefined ? undefined : { mime: String(l.record.mime), base64 },
    });
  });
  return { consumed, loaded, gone, docs };
}
