import type { ScoreValue } from '../model';
import { krippendorffAlpha, type Unit } from './alpha';

/** One shopper's scoring of one calibration item (a touchpoint of a calibration audit). */
export interface CalibrationScoring {
  /** The item scored: touchpoints scoring one item share it (`calibrationKey`). */
  item: string;
  shopper: string;
  /** Scores by criterion id; a missing key is unscored, `NA` not applicable. */
  scores: Readonly<Record<string, ScoreValue>>;
}

/** Agreement on one criterion, or over every criterion (`overall`). */
export interface AgreementRow {
  /** A criterion id, or `overall`. */
  key: string;
  /** Ordinal alpha; null when fewer than 2 units pair up (or nothing varies). */
  alpha: number | null;
  /** Units (item × criterion) with at least 2 values. */
  items: number;
  /** Distinct shoppers with a value in those units. */
  raters: number;
}

/** How one shopper scores compared with the others. */
export interface ShopperRow {
  shopper: string;
  /**
   * Mean of (their value − the mean of the others' values) over units where they and at least
   * one other shopper have a value; positive = lenient. Null without such a unit.
   */
  meanDeviation: number | null;
  /** Their `NA` count over their values plus `NA`s; null when they gave neither. */
  naRate: number | null;
  /** Units that count in `meanDeviation`. */
  units: number;
  /** Distinct shoppers, them included, with a value in those units. */
  raters: number;
}

/** Everything `calibration.csv` and the calibration page show. */
export interface Agreement {
  criteria: AgreementRow[];
  overall: AgreementRow;
  shoppers: ShopperRow[];
}

/** One unit: the values given to one criterion of one item, by shopper. */
type Values = Map<string, number>;

/**
 * Agreement among shoppers who scored the same calibration items (docs/FILES.md, calibration.csv):
 * a unit is one (item, criterion) pair whose values are the integer scores the shoppers gave
 * (`NA` and unscored are missing). Per criterion (in `criterionIds` order) and over all units:
 * Krippendorff's ordinal alpha. Per shopper (by name): mean deviation from the others and N/A
 * rate. If one shopper scored an item twice, the later scoring in `scorings` counts.
 */
export function measureAgreement(
  scorings: readonly CalibrationScoring[],
  criterionIds: readonly string[],
): Agreement {
  const units = new Map<string, Map<string, Values>>(criterionIds.map((id) => [id, new Map()]));
  const na = new Map<string, { na: number; given: number }>();
  const latest = new Map<string, CalibrationScoring>();
  for (const s of scorings) latest.set(`${s.item}\u0000${s.shopper}`, s);
  for (const s of latest.values()) {
    const tally = na.get(s.shopper) ?? { na: 0, given: 0 };
    na.set(s.shopper, tally);
    for (const id of criterionIds) {
      const value = Object.hasOwn(s.scores, id) ? s.scores[id] : undefined;
      if (value === 'NA') tally.na++;
      if (typeof value !== 'number') continue;
      tally.given++;
      const byItem = units.get(id)!;
      let values = byItem.get(s.item);
      if (!values) byItem.set(s.item, (values = new Map()));
      values.set(s.shopper, value);
    }
  }
  const row = (key: string, list: Values[]): AgreementRow => {
    const paired = list.filter((v) => v.size >= 2);
    const raters = new Set(paired.flatMap((v) => [...v.keys()]));
    const unitValues: Unit[] = paired.map((v) => [...v.values()]);
    const alpha = paired.length >= 2 ? krippendorffAlpha(unitValues, 'ordinal').alpha : null;
    return { key, alpha, items: paired.length, raters: raters.size };
  };
  const all = [...units.values()].flatMap((byItem) => [...byItem.values()]);
  const shoppers = [...na.keys()].sort().map((shopper): ShopperRow => {
    const deviations: number[] = [];
    const met = new Set<string>();
    for (const values of all) {
      const mine = values.get(shopper);
      if (mine === undefined || values.size < 2) continue;
      for (const who of values.keys()) met.add(who);
      const others = [...values].filter(([who]) => who !== shopper).map(([, v]) => v);
      deviations.push(mine - others.reduce((a, b) => a + b, 0) / others.length);
    }
    const { na: naCount, given } = na.get(shopper)!;
    return {
      shopper,
      meanDeviation: deviations.length
        ? deviations.reduce((a, b) => a + b, 0) / deviations.length
        : null,
      naRate: naCount + given > 0 ? naCount / (naCount + given) : null,
      units: deviations.length,
      raters: met.size,
    };
  });
  return {
    criteria: criterionIds.map((id) => row(id, [...units.get(id)!.values()])),
    overall: row('overall', all),
    shoppers,
  };
}

/** Below this ordinal alpha a criterion is scored inconsistently (Krippendorff's lowest bar). */
export const ALPHA_FLOOR = 0.667;

/** A shopper further than this from the others, in scale points, is lenient or harsh. */
export const DEVIATION_LIMIT = 0.5;

/** The values each shopper gave each item on one criterion (the later scoring counts). */
function valuesOf(scorings: readonly CalibrationScoring[], criterionId: string) {
  const byItem = new Map<string, Map<string, number>>();
  for (const s of scorings) {
    const value = Object.hasOwn(s.scores, criterionId) ? s.scores[criterionId] : undefined;
    if (typeof value !== 'number') continue;
    let values = byItem.get(s.item);
    if (!values) byItem.set(s.item, (values = new Map()));
    values.set(s.shopper, value);
  }
  return byItem;
}

/**
 * The items that split shoppers most on one criterion: those with at least two values, by the
 * spread between the highest and lowest score (largest first), at most `limit`, spread > 0.
 */
export function splittingItems(
  scorings: readonly CalibrationScoring[],
  criterionId: string,
  limit = 3,
): { item: string; low: number; high: number }[] {
  return [...valuesOf(scorings, criterionId)]
    .filter(([, values]) => values.size >= 2)
    .map(([item, values]) => ({
      item,
      low: Math.min(...values.values()),
      high: Math.max(...values.values()),
    }))
    .filter((x) => x.high > x.low)
    .sort((a, b) => b.high - b.low - (a.high - a.low) || a.item.localeCompare(b.item))
    .slice(0, limit);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Where each shopper's scores sit against each item's median: for every (item, shopper), the
 * mean over criteria of (their score − the median of all shoppers' scores for that criterion
 * and item), over criteria where the item has at least two values. 0 is the median.
 */
export function deviationsFromMedian(
  scorings: readonly CalibrationScoring[],
  criterionIds: readonly string[],
): { item: string; shopper: string; deviation: number }[] {
  const sums = new Map<string, { item: string; shopper: string; sum: number; n: number }>();
  for (const id of criterionIds) {
    for (const [item, values] of valuesOf(scorings, id)) {
      if (values.size < 2) continue;
      const mid = median([...values.values()]);
      for (const [shopper, value] of values) {
        const key = `${item}\u0000${shopper}`;
        const entry = sums.get(key) ?? { item, shopper, sum: 0, n: 0 };
        entry.sum += value - mid;
        entry.n += 1;
        sums.set(key, entry);
      }
    }
  }
  return [...sums.values()].map(({ item, shopper, sum, n }) => ({
    item,
    shopper,
    deviation: sum / n,
  }));
}
