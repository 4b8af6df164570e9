// The report page's read model: what it loads from the database. It ties storage to the
// report engine, so the engine's own modules (re-exported by ./index) never import it.
import {
  brandsOfStudy,
  FIRST_PAGE,
  getStudyTally,
  listStudies,
  loadStudyWithRubric,
  readTouchpointPage,
  type AuditorDb,
  type PageCursor,
  waveTally,
} from '../db';
import type { Brand, Category, Evidence, Rubric, Study, Touchpoint } from '../model';
import { scoreTouchpoint, type TouchpointScore } from '../scoring';
import { auditCounts } from './counts';
import { orderPairs, pairTouchpoints, type TouchpointPair } from './pairs';
import { latestWaveWithData } from './trend';
import type { Dimension, Tally, WaveTally } from './types';

/** What the report page's first render needs: no touchpoint is read for it. */
export interface ReportHead {
  study: Study;
  brands: Brand[];
  rubric: Rubric;
  /** The totals kept on write (see `getStudyTally`) of the latest wave with data, by brand. */
  tally: Tally;
  /** Every wave's kept totals, oldest first (an empty tally for a wave without data). */
  waves: WaveTally[];
  /** Custom categories by id, for their labels. */
  customCategories: Map<string, Category>;
}

/**
 * Loads a study's report from the kept totals (`getStudyTally`) with the study, its brands,
 * its pinned rubric and custom categories; undefined when the study or rubric is missing.
 */
export async function loadReportHead(
  db: AuditorDb,
  studyId: string,
  now: Date,
): Promise<ReportHead | undefined> {
  const pinned = await loadStudyWithRubric(db, studyId);
  if (!pinned) return undefined;
  const { study, rubric } = pinned;
  const [brands, kept, categories] = await Promise.all([
    brandsOfStudy(db, study),
    getStudyTally(db, studyId, now),
    db.categories.filter((c) => !c.builtin).toArray(),
  ]);
  const waves = study.waves.map((wave) => ({ wave, tally: waveTally(kept, wave) }));
  return {
    study,
    brands,
    rubric,
    tally: waveTally(kept, latestWaveWithData(waves) ?? study.wave),
    waves,
    customCategories: new Map(categories.map((c) => [c.id, c])),
  };
}

/**
 * Which study the report opens: the one asked for, else the only live study, else none (the
 * page then shows a picker). Returns the live studies for the picker too.
 */
export async function pickReportStudy(
  db: AuditorDb,
  asked: string | null,
): Promise<{ studyId: string | null; studies: Study[] }> {
  const studies = await listStudies(db);
  if (asked) return { studyId: asked, studies };
  return { studyId: studies.length === 1 ? studies[0]!.id : null, studies };
}

/** One touchpoint behind a report figure, with its score and screenshots. */
export interface TouchpointEvidence {
  brandId: string;
  touchpoint: Touchpoint;
  score: TouchpointScore;
  evidence: Evidence[];
}

/**
 * The touchpoints behind one comparison row for some brands of a study (at most `limit` per
 * brand), of counted audits (of `wave` when given): those of that category or stage, or, for a
 * criterion, those where it is scored.
 * Read page by page through the [auditId+category] index, with their evidence.
 */
export async function touchpointsBehind(
  db: AuditorDb,
  studyId: string,
  brandIds: readonly string[],
  row: { dimension: Dimension; key: string },
  rubric: Rubric,
  limit = 12,
  wave?: string,
): Promise<TouchpointEvidence[]> {
  const study = await db.studies.get(studyId);
  const audits = (await db.audits.where('studyId').equals(studyId).toArray()).filter(
    (a) => auditCounts(a, study) && (wave === undefined || a.wave === wave),
  );
  const filter =
    row.dimension === 'category'
      ? { category: row.key }
      : row.dimension === 'stage'
        ? { stage: row.key as Touchpoint['stage'] }
        : {};
  const wanted = (tp: Touchpoint) =>
    row.dimension !== 'criterion' ||
    (Object.hasOwn(tp.scores, row.key) && tp.scores[row.key] !== 'NA');
  const out: TouchpointEvidence[] = [];
  for (const brandId of brandIds) {
    const mine = audits.filter((a) => a.brandId === brandId);
    let cursor: PageCursor | null = FIRST_PAGE;
    let found = 0;
    // A criterion scored on few touchpoints must not read a brand's every page.
    for (let pages = 0; cursor && found < limit && pages < 25; pages++) {
      const page = await readTouchpointPage(db, mine, filter, rubric, cursor, limit);
      for (const tp of page.rows.filter(wanted).slice(0, limit - found)) {
        const evidence = await db.evidence.where('touchpointId').equals(tp.id).toArray();
        out.push({ brandId, touchpoint: tp, score: scoreTouchpoint(tp, rubric), evidence });
        found++;
      }
      cursor = page.next;
    }
  }
  return out;
}

/** How many re-audits of each brand the report shows: the largest changes. */
export const PAIRS_PER_BRAND = 12;

/** A re-audit with both touchpoints' screenshots, as the report's before/after shows it. */
export interface PairEvidence extends TouchpointPair {
  beforeEvidence: Evidence[];
  afterEvidence: Evidence[];
}

/** The re-audited pairs of one wave, and whether the caps left some out. */
export interface WavePairs {
  /** Grouped by brand in study order, the largest overall change first (see `orderPairs`). */
  pairs: PairEvidence[];
  /** A brand had more pairs than `limit`, or more touchpoints than were read. */
  truncated: boolean;
}

/**
 * The re-audits of one wave of a study: its counted audits' touchpoints that carry a
 * `previousId`, each with the touchpoint it re-audits (a missing or deleted one leaves the pair
 * out). Read brand by brand, page by page through the [auditId+category] index (at most
 * `pages` pages of 200 per brand); the `limit` largest changes of each brand are kept and only
 * those get their evidence read.
 */
export async function pairsOfWave(
  db: AuditorDb,
  study: Study,
  wave: string,
  rubric: Rubric,
  limit = PAIRS_PER_BRAND,
  pages = 10,
): Promise<WavePairs> {
  const audits = (await db.audits.where('studyId').equals(study.id).toArray()).filter(
    (a) => a.wave === wave && auditCounts(a, study),
  );
  const brandIds = [
    ...study.brandIds,
    ...new Set(audits.map((a) => a.brandId).filter((id) => !study.brandIds.includes(id))),
  ];
  const out: PairEvidence[] = [];
  let truncated = false;
  for (const brandId of brandIds) {
    const mine = audits.filter((a) => a.brandId === brandId);
    const later: Touchpoint[] = [];
    let cursor: PageCursor | null = FIRST_PAGE;
    for (let read = 0; cursor && read < pages; read++) {
      const page = await readTouchpointPage(db, mine, {}, rubric, cursor, 200);
      later.push(...page.rows.filter((tp) => !!tp.previousId));
      cursor = page.next;
    }
    if (cursor) truncated = true;
    const earlier = await db.touchpoints.bulkGet(later.map((tp) => tp.previousId!));
    const pairs = orderPairs(
      later.flatMap((after, i) => {
        const before = earlier[i];
        return before && !before.deleted
          ? [pairTouchpoints({ brandId, before, after }, rubric)]
          : [];
      }),
      [brandId],
    );
    if (pairs.length > limit) truncated = true;
    for (const pair of pairs.slice(0, limit)) {
      const [beforeEvidence, afterEvidence] = await Promise.all(
        [pair.before.id, pair.after.id].map((id) =>
          db.evidence.where('touchpointId').equals(id).toArray(),
        ),
      );
      out.push({ ...pair, beforeEvidence: beforeEvidence!, afterEvidence: afterEvidence! });
    }
  }
  return { pairs: out, truncated };
}
