import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { Problem } from '../result';

/**
 * The tables whose records travel to the team's server (docs/SYNC.md), with the prefix of
 * their documents' `_id` (`<prefix>:<record id>`), in the order they are pushed and applied:
 * a record's references arrive before it.
 */
export const SYNCED_TABLES = {
  studies: 'study',
  brands: 'brand',
  rubrics: 'rubric',
  categories: 'category',
  audits: 'audit',
  touchpoints: 'touchpoint',
  evidence: 'evidence',
} as const;

/** A table whose records are synced. */
export type SyncedTable = keyof typeof SYNCED_TABLES;

/** The record key of a synced table: rubrics are keyed by [id, version]. */
export type RecordKey = string | [string, number];

/**
 * A local write not yet sent to the server: one per document, whatever the number of writes.
 * `stamp` changes at every write, so a push that read an older stamp leaves the entry in place.
 */
export interface OutboxEntry {
  docId: string;
  table: SyncedTable;
  key: RecordKey;
  stamp: string;
}

/** The server's revision of each document as this profile last saw or wrote it. */
export interface SyncRev {
  docId: string;
  rev: string;
}

/** A write the server refused (its `validate_doc_update` said `forbidden`), kept for the user. */
export interface SyncRefusal {
  docId: string;
  table: SyncedTable;
  /** The record's id (a rubric's `id@version`). */
  recordId: string;
  /** The server's reason, as it gave it. */
  reason: string;
  /** When it was refused, ISO. */
  at: string;
  /** Set when this profile refused it on pull (`sync.foreign-owner`): shown in the user's language. */
  problem?: Problem;
}

/** The outbox table's name in the schema. */
export const OUTBOX_TABLE = 'syncOutbox';

const isSynced = (name: string): name is SyncedTable =>
  Object.prototype.hasOwnProperty.call(SYNCED_TABLES, name);

/** The `_id` of a record's document: `<prefix>:<id>`, a rubric's `rubric:<id>@<version>`. */
export function docIdOf(table: SyncedTable, key: RecordKey): string {
  const id = Array.isArray(key) ? `${key[0]}@${key[1]}` : key;
  return `${SYNCED_TABLES[table]}:${id}`;
}

/** Per transaction, the documents whose writes are sync's own copies of the server's. */
const fromServer = new WeakMap<object, Set<string>>();

/**
 * Keeps the writes of `docIds` in transaction `trans` (an IDBTransaction) out of the outbox:
 * they store what the server already holds (a pull), so there is nothing to send back. Every
 * other write of the transaction is queued as usual.
 */
export function leaveOutOfOutbox(trans: object, docIds: Iterable<string>): void {
  const set = fromServer.get(trans) ?? new Set<string>();
  for (const id of docIds) set.add(id);
  fromServer.set(trans, set);
}

/** The keys a mutation writes (put/add give values; an update by criteria gives keys). */
function writtenKeys(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] {
  if (req.type !== 'put' && req.type !== 'add') return [];
  if (req.type === 'put' && req.updates) return req.updates.keys;
  if (req.keys) return req.keys;
  const extract = table.schema.primaryKey.extractKey;
  return extract ? req.values.map((v) => extract(v)) : [];
}

/** Transactions whose writes are not queued: see `leaveTransactionOutOfOutbox`. */
const unqueued = new WeakSet<object>();

/**
 * Leaves the writes of one IndexedDB transaction out of the outbox: for records that are not
 * live yet (an archive import's screenshots before its swap, which queues them as it makes
 * them live). Pass the Dexie transaction's `idbtrans`.
 */
export function leaveTransactionOutOfOutbox(idbtrans: IDBTransaction): void {
  unqueued.add(idbtrans);
}

/**
 * Dexie middleware that records every put or add on a synced table in the outbox, inside the
 * same IndexedDB transaction as the write: the outbox is added to the scope of every
 * read-write transaction over a synced table, so no write path (a repository, a backup
 * import, a `modify()`) can change a record without it being queued. Deletions are not
 * recorded: records are deleted with tombstones, and clearing a table is local housekeeping.
 */
export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sync-outbox',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const needs = mode === 'readwrite' && stores.some(isSynced);
        const scope = needs && !stores.includes(OUTBOX_TABLE) ? [...stores, OUTBOX_TABLE] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isSynced(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            const skip = fromServer.get(req.trans);
            const keys = writtenKeys(table, req).filter(
              (key) => !skip?.has(docIdOf(name, key as RecordKey)),
            );
            // An upgrade from before version 4 writes in a transaction that has no outbox yet.
            const scope = (req.trans as unknown as IDBTransaction).objectStoreNames;
            const queued = scope?.contains(OUTBOX_TABLE) !== false && !unqueued.has(req.trans);
            if (keys.length > 0 && queued) {
              const values: OutboxEntry[] = keys.map((key) => ({
                docId: docIdOf(name, key as RecordKey),
                table: name,
                key: key as RecordKey,
                stamp: crypto.randomUUID(),
              }));
              await down.table(OUTBOX_TABLE).mutate({ type: 'put', trans: req.trans, values });
            }
            return res;
          },
        };
      },
    };
  },
};
