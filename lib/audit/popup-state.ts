import {
  brandsOfStudy,
  getActiveAudit,
  getAuditStats,
  type AuditorDb,
  type AuditStats,
} from '../db';
import type { Audit, Brand, Study } from '../model';

/** What the popup shows about the running audit: a handful of small reads, no touchpoints. */
export interface ActiveAuditView {
  audit: Audit;
  study: Study | undefined;
  /** The audit's brand. */
  brand: Brand | undefined;
  /** Every live brand of the study (for claiming a host on the fly). */
  brands: Brand[];
  /** Kept counters: touchpoints tagged so far, by category. */
  stats: AuditStats;
  /**
   * Tags picked on a page for this audit and not saved yet (the tagger's drafts, one per tab):
   * ending the audit now would leave them with no audit to be saved into.
   */
  unsaved: { pageTitle: string; url: string }[];
}

/** The tagger's drafts of picks made for `auditId` and not saved (not the popup's own form). */
async function unsavedTags(db: AuditorDb, auditId: string): Promise<ActiveAuditView['unsaved']> {
  const drafts = await db.drafts.toArray();
  return drafts
    .filter((d) => d.auditId === auditId && d.tabKey.startsWith('tab:') && d.url !== null)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
    .map((d) => ({ pageTitle: d.pageTitle || d.url!, url: d.url! }));
}

/** The running audit with its study, brands and counters; null when none runs. */
export async function loadActiveAuditView(db: AuditorDb): Promise<ActiveAuditView | null> {
  const audit = await getActiveAudit(db);
  if (!audit) return null;
  const [study, stats, unsaved] = await Promise.all([
    db.studies.get(audit.studyId),
    getAuditStats(db, audit.id),
    unsavedTags(db, audit.id),
  ]);
  const brands = study ? await brandsOfStudy(db, study) : [];
  const brand = brands.find((b) => b.id === audit.brandId) ?? (await db.brands.get(audit.brandId));
  return { audit, study, brand, brands, stats, unsaved };
}

/** A study with its live brands, for the start-an-audit form. */
export interface StudyChoice {
  study: Study;
  brands: Brand[];
}

/** The live studies (newest first) with their brands. */
export async function listStudyChoices(db: AuditorDb): Promise<StudyChoice[]> {
  const studies = (await db.studies.toArray())
    .filter((s) => !s.deleted)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return Promise.all(
    studies.map(async (study) => ({ study, brands: await brandsOfStudy(db, study) })),
  );
}
