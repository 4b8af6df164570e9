import { Dexie } from 'dexie';
import type { Audit, Rubric, StageId, Touchpoint } from '../model';
import { scoreTouchpoint } from '../scoring';
import type { AuditorDb } from './schema';

/** What the touchpoints view filters by; every field is optional. */
export interface TouchpointFilter {
  brandId?: string;
  auditId?: string;
  shopper?: string;
  category?: string;
  stage?: StageId;
  /** Only touchpoints flagged as critical failures by the study's rubric. */
  criticalOnly?: boolean;
}

/**
 * Where the next page starts: the index of an audit in the matching audits, and how many of
 * its index entries (tombstones included, so deleting does not shift pages) were read.
 */
export interface PageCursor {
  auditIndex: number;
  offset: number;
}

/** One page of touchpoints, and where the next one starts (null at the end). */
export interface TouchpointPage {
  rows: Touchpoint[];
  next: PageCursor | null;
}

/** The cursor of the first page. */
export const FIRST_PAGE: PageCursor = { auditIndex: 0, offset: 0 };

/** The audits a filter keeps, from a study's live audits (newest first). */
export function auditsMatching(audits: readonly Audit[], filter: TouchpointFilter): Audit[] {
  return audits.filter(
    (a) =>
      (!filter.brandId || a.brandId === filter.brandId) &&
      (!filter.auditId || a.id === filter.auditId) &&
      (!filter.shopper || a.shopper === filter.shopper),
  );
}

/**
 * How many touchpoints match, from the kept counters (never by counting records); null when
 * the filter needs each record read (stage, critical failure).
 */
export async function countMatching(
  db: AuditorDb,
  audits: readonly Audit[],
  filter: TouchpointFilter,
): Promise<number | null> {
  if (filter.stage || filter.criticalOnly) return null;
  const stats = await db.auditStats.bulkGet(audits.map((a) => a.id));
  return stats.reduce(
    (sum, s) => sum + (!s ? 0 : filter.category ? (s.byCategory[filter.category] ?? 0) : s.total),
    0,
  );
}

/** One audit's touchpoints in [auditId+category] order: a key range, never a scan. */
function rangeOf(db: AuditorDb, auditId: string, category: string | undefined) {
  const index = db.touchpoints.where('[auditId+category]');
  return category
    ? index.equals([auditId, category])
    : index.between([auditId, Dexie.minKey], [auditId, Dexie.maxKey], true, true);
}

/**
 * Reads one page of a study's touchpoints: audits in the order given, each audit's
 * touchpoints by category (the [auditId+category] index), deleted ones left out. Filters
 * that need the record (stage, critical failure) are applied as it goes; at most `scanBudget`
 * entries are read per call, so a rare filter returns a short page with a cursor to go on.
 */
export async function readTouchpointPage(
  db: AuditorDb,
  audits: readonly Audit[],
  filter: TouchpointFilter,
  rubric: Rubric | undefined,
  cursor: PageCursor,
  pageSize = 50,
  scanBudget = 2_000,
): Promise<TouchpointPage> {
  const keep = (tp: Touchpoint): boolean =>
    !tp.deleted &&
    (!filter.stage || tp.stage === filter.stage) &&
    (!filter.criticalOnly || (!!rubric && scoreTouchpoint(tp, rubric).criticalFail));
  const needsRecord = !!filter.stage || !!filter.criticalOnly;
  const rows: Touchpoint[] = [];
  let { auditIndex, offset } = cursor;
  let scanned = 0;
  while (auditIndex < audits.length && rows.length < pageSize && scanned < scanBudget) {
    // Without record filters only tombstones are skipped: read about what the page needs.
    const want = needsRecord ? 200 : pageSize - rows.length + 5;
    const chunk = await rangeOf(db, audits[auditIndex]!.id, filter.category)
      .offset(offset)
      .limit(want)
      .toArray();
    let used = 0;
    for (const tp of chunk) {
      used++;
      if (keep(tp)) rows.push(tp);
      if (rows.length === pageSize) break;
    }
    offset += used;
    scanned += used;
    if (used === chunk.length && chunk.length < want) {
      auditIndex++;
      offset = 0;
    }
  }
  return { rows, next: auditIndex < audits.length ? { auditIndex, offset } : null };
}

/**
 * The `n`th (from 0) live touchpoint of an audit in the touchpoints view's order (by category,
 * the [auditId+category] index), reading index entries up to it and no record past it: the
 * review queue shows one touchpoint at a time. Undefined past the last one.
 */
export function nthTouchpointOfAudit(
  db: AuditorDb,
  auditId: string,
  n: number,
): Promise<Touchpoint | undefined> {
  return rangeOf(db, auditId, undefined)
    .filter((t) => !t.deleted)
    .offset(n)
    .first();
}
