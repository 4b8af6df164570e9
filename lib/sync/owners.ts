import type { AuditorDb } from '../db';
import type { SyncedTable } from '../db/sync-outbox';
import type { Audit, Touchpoint } from '../model';

/** A pulled record that names one shopper as its owner while its audit is another's. */
export interface ForeignOwned {
  /** The document's `_id`. */
  docId: string;
  /** The `owner` the document claims (the shopper who wrote it, as the server checked). */
  owner: string;
  /** The shopper of the audit it belongs to. */
  shopper: string;
}

/**
 * Touchpoints and evidence among pulled records whose `owner` is not the shopper of their
 * audit. The server's validation sees one document at a time: it checks that a shopper
 * writes only documents they own, but not that the audit a touchpoint names is theirs, so a
 * shopper could write a touchpoint into another's audit by naming themselves owner. Every
 * profile refuses such a record when it pulls it (docs/SYNC.md#roles). The audit is looked
 * for among the pulled records first, then here; a record whose audit this profile does not
 * hold yet cannot be checked and passes. A document without an owner comes from a lead.
 */
export async function foreignOwned(
  db: AuditorDb,
  pulled: readonly {
    docId: string;
    table: SyncedTable;
    record: Record<string, unknown>;
    owner?: string;
  }[],
): Promise<ForeignOwned[]> {
  const audits = new Map<string, string>();
  const touchpoints = new Map<string, string>();
  for (const p of pulled) {
    if (p.table === 'audits') audits.set(String(p.record.id), String(p.record.shopper));
    if (p.table === 'touchpoints') touchpoints.set(String(p.record.id), String(p.record.auditId));
  }
  const owned = pulled.filter(
    (p) => (p.table === 'touchpoints' || p.table === 'evidence') && typeof p.owner === 'string',
  );
  const unknownTouchpoints = owned
    .filter((p) => p.table === 'evidence' && !touchpoints.has(String(p.record.touchpointId)))
    .map((p) => String(p.record.touchpointId));
  for (const tp of await db.touchpoints.bulkGet(unknownTouchpoints)) {
    if (tp) touchpoints.set(tp.id, (tp as Touchpoint).auditId);
  }
  const auditOf = (p: (typeof owned)[number]) =>
    p.table === 'touchpoints'
      ? String(p.record.auditId)
      : touchpoints.get(String(p.record.touchpointId));
  const unknownAudits = [
    ...new Set(owned.map(auditOf).filter((id): id is string => !!id && !audits.has(id))),
  ];
  for (const audit of await db.audits.bulkGet(unknownAudits)) {
    if (audit) audits.set(audit.id, (audit as Audit).shopper);
  }
  const foreign: ForeignOwned[] = [];
  for (const p of owned) {
    const auditId = auditOf(p);
    const shopper = auditId === undefined ? undefined : audits.get(auditId);
    if (shopper !== undefined && shopper !== p.owner) {
      foreign.push({ docId: p.docId, owner: p.owner!, shopper });
    }
  }
  return foreign;
}
