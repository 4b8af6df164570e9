import { Dexie } from 'dexie';
import { getSetting, type AuditorDb } from '../db';
import type { Audit, Touchpoint } from '../model';

/** One touchpoint of the previous wave to visit again, and whether the audit has done so. */
export interface ReauditItem {
  /** The earlier wave's touchpoint. */
  touchpoint: Touchpoint;
  /** The audit's touchpoint that re-audits it, if any. */
  reauditedBy: Touchpoint | null;
}

/** The re-audit checklist of an audit (docs/ARCHITECTURE.md#re-audits). */
export interface ReauditChecklist {
  /** The wave the listed touchpoints come from (the one before the audit's). */
  previousWave: string;
  /** Oldest first. */
  items: ReauditItem[];
}

/** An audit's live touchpoints: the [auditId+category] prefix, never a scan of the table. */
async function touchpointsOf(db: AuditorDb, auditId: string): Promise<Touchpoint[]> {
  const all = await db.touchpoints
    .where('[auditId+category]')
    .between([auditId, Dexie.minKey], [auditId, Dexie.maxKey], true, true)
    .toArray();
  return all.filter((t) => !t.deleted);
}

/** The wave before `audit`'s in its study, or null in the first wave (or a missing study). */
export async function previousWaveOf(db: AuditorDb, audit: Audit): Promise<string | null> {
  const study = await db.studies.get(audit.studyId);
  const at = study?.waves.indexOf(audit.wave) ?? -1;
  return study && at > 0 ? study.waves[at - 1]! : null;
}

/**
 * What the shopper should visit again in `audit`: the live page touchpoints (with a URL to
 * open) of the same study and brand in the previous wave, from real audits (not calibration),
 * each with the audit's touchpoint whose `previousId` names it. Null when the audit is in its
 * study's first wave. Reads the study's audits by the `studyId` index and each audit's
 * touchpoints by its [auditId+category] prefix.
 */
export async function loadReauditChecklist(
  db: AuditorDb,
  audit: Audit,
): Promise<ReauditChecklist | null> {
  const previousWave = await previousWaveOf(db, audit);
  if (previousWave === null) return null;
  const earlier = await db.audits
    .where('studyId')
    .equals(audit.studyId)
    .filter(
      (a) =>
        !a.deleted &&
        a.brandId === audit.brandId &&
        a.wave === previousWave &&
        a.purpose === 'audit',
    )
    .toArray();
  const [mine, ...theirs] = await Promise.all([
    touchpointsOf(db, audit.id),
    ...earlier.map((a) => touchpointsOf(db, a.id)),
  ]);
  const byPrevious = new Map<string, Touchpoint>();
  for (const tp of mine!) if (tp.previousId) byPrevious.set(tp.previousId, tp);
  const items = theirs
    .flat()
    .filter((tp) => tp.source === 'page' && !!tp.url)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((touchpoint) => ({ touchpoint, reauditedBy: byPrevious.get(touchpoint.id) ?? null }));
  return { previousWave, items };
}

/** The items of a checklist no touchpoint of the audit re-audits yet. */
export const notReaudited = (list: ReauditChecklist | null): ReauditItem[] =>
  list?.items.filter((i) => !i.reauditedBy) ?? [];

/** The audit ended last with what its checklist left undone; null when there is nothing. */
export interface LastAuditLeftovers {
  audit: Audit;
  previousWave: string;
  items: ReauditItem[];
}

/**
 * What the last ended audit did not re-audit (the popup shows it once no audit runs); null
 * when no audit ended yet, it is gone, it was in a first wave, or it visited everything.
 */
export async function loadLastAuditLeftovers(db: AuditorDb): Promise<LastAuditLeftovers | null> {
  const id = await getSetting(db, 'lastAuditId');
  const audit = id ? await db.audits.get(id) : undefined;
  if (!audit || audit.deleted || audit.endedAt === null) return null;
  const list = await loadReauditChecklist(db, audit);
  const items = notReaudited(list);
  return list && items.length ? { audit, previousWave: list.previousWave, items } : null;
}
