import type { ReviewComment } from '../model';
import { SYNCED_TABLES, type SyncedTable } from '../db/sync-outbox';

/** A CouchDB document as sync reads and writes it. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _attachments?: Record<string, { content_type: string; data?: string; stub?: boolean }>;
  /** The user name a shopper must have to write it (audits, touchpoints, evidence). */
  owner?: string;
  [field: string]: unknown;
}

/** The attachment name of an evidence document's image. */
export const IMAGE_ATTACHMENT = 'image';

/** Fields sync adds to a record's document, left out when a document becomes a record again. */
const META = new Set([
  '_id',
  '_rev',
  '_deleted',
  '_conflicts',
  '_attachments',
  '_revisions',
  'owner',
]);

const TABLE_OF_PREFIX = new Map<string, SyncedTable>(
  Object.entries(SYNCED_TABLES).map(([table, prefix]) => [prefix, table as SyncedTable]),
);

/** The table of a document id (`touchpoint:…` → `touchpoints`); undefined for others. */
export function tableOfDocId(id: string): SyncedTable | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? TABLE_OF_PREFIX.get(id.slice(0, colon)) : undefined;
}

/**
 * A record as its document (docs/SYNC.md#documents): the backup-version-2 fields, `_id`
 * `<table>:<id>`, the server revision it replaces, and for owned records the `owner` the
 * server's `validate_doc_update` checks. Evidence carries its image as an attachment.
 */
export function toDoc(
  docId: string,
  record: Record<string, unknown>,
  opts: { rev?: string; owner?: string; image?: { mime: string; base64: string } } = {},
): CouchDoc {
  const { blob: _blob, builtin: _builtin, ...fields } = record;
  const doc: CouchDoc = { ...fields, _id: docId };
  if (opts.rev) doc._rev = opts.rev;
  if (opts.owner !== undefined) doc.owner = opts.owner;
  if (opts.image) {
    doc._attachments = {
      [IMAGE_ATTACHMENT]: { content_type: opts.image.mime, data: opts.image.base64 },
    };
  }
  return doc;
}

/** A document's record fields (sync's own fields left out), and its image for evidence. */
export function fromDoc(doc: CouchDoc): {
  record: Record<string, unknown>;
  imageBase64?: string;
} {
  const record: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!META.has(k)) record[k] = v;
  const image = doc._attachments?.[IMAGE_ATTACHMENT]?.data;
  return image === undefined ? { record } : { record, imageBase64: image };
}

/** What the merge rule looks at in a version of a record. */
export interface Version {
  updatedAt?: unknown;
  deleted?: unknown;
  comments?: unknown;
  _rev?: string;
}

const millis = (v: Version): number => {
  const ms = typeof v.updatedAt === 'string' ? Date.parse(v.updatedAt) : NaN;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

/**
 * Orders two versions of one record by the backup's merge rule: the newer `updatedAt` wins,
 * at the same time a tombstone wins over a live copy; a full tie goes to the greater `_rev`,
 * as CouchDB itself would, so every replica picks the same. Positive when `a` wins.
 */
export function compareVersions(a: Version, b: Version): number {
  const t = millis(a) - millis(b);
  if (t !== 0) return t;
  const tomb = Number(a.deleted === true) - Number(b.deleted === true);
  if (tomb !== 0) return tomb;
  return (a._rev ?? '').localeCompare(b._rev ?? '');
}

/** The version of a record that wins among several (conflicting revisions of a document). */
export function pickWinner<T extends Version>(versions: readonly T[]): T {
  return versions.reduce((best, v) => (compareVersions(v, best) > 0 ? v : best));
}

/** Every review comment of several versions, once each by id, oldest first. */
export function allComments(versions: readonly Version[]): ReviewComment[] | undefined {
  const byId = new Map<string, ReviewComment>();
  let any = false;
  for (const v of versions) {
    if (!Array.isArray(v.comments)) continue;
    any = true;
    for (const c of v.comments as ReviewComment[]) byId.set(c.id, c);
  }
  if (!any) return undefined;
  return [...byId.values()].sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
}

/**
 * Whether a stored record is the same version as a document's: same `updatedAt`, both or
 * neither deleted, and no review comment the document lacks. Nothing of it is left to push.
 */
export function sameVersion(stored: Version, incoming: Version): boolean {
  if (stored.updatedAt !== incoming.updatedAt) return false;
  if ((stored.deleted === true) !== (incoming.deleted === true)) return false;
  const theirs = new Set(
    Array.isArray(incoming.comments) ? (incoming.comments as ReviewComment[]).map((c) => c.id) : [],
  );
  const ours = Array.isArray(stored.comments) ? (stored.comments as ReviewComment[]) : [];
  return ours.every((c) => theirs.has(c.id));
}
