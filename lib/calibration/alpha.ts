/**
 * Krippendorff's alpha, the agreement among raters who score the same units, computed with the
 * coincidence-matrix method (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
 * 1 is perfect agreement, 0 agreement by chance, below 0 systematic disagreement. Pure.
 */

/** How far apart two values are taken to be. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One unit's values, one per rater who scored it; missing values are simply left out. */
export type Unit = readonly number[];

/** Alpha with what it rests on. */
export interface AlphaResult {
  /** Null when no unit has two values or every value is the same (nothing to disagree on). */
  alpha: number | null;
  /** Units with at least two values: the only ones that count. */
  units: number;
  /** Values in those units (the `n` of the coincidence matrix). */
  values: number;
}

/**
 * The coincidence matrix of `units` over the distinct values they hold, sorted: `o[c][k]` sums,
 * over units with m ≥ 2 values, the ordered pairs (c, k) of values from different raters,
 * each weighted 1 / (m − 1).
 */
function coincidences(units: readonly Unit[]): { values: number[]; o: number[][] } {
  const paired = units.filter((u) => u.length >= 2);
  const values = [...new Set(paired.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const unit of paired) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) o[index.get(unit[i]!)!]![index.get(unit[j]!)!]! += weight;
      }
    }
  }
  return { values, o };
}

/** The squared difference function δ² of `metric` for values c, k (indices into `values`). */
function distances(metric: AlphaMetric, values: readonly number[], n: readonly number[]) {
  return (c: number, k: number): number => {
    if (c === k) return 0;
    const [a, b] = [values[c]!, values[k]!];
    switch (metric) {
      case 'nominal':
        return 1;
      case 'interval':
        return (a - b) ** 2;
      case 'ratio':
        return ((a - b) / (a + b)) ** 2;
      case 'ordinal': {
        // The ranks between c and k, counted by how often each value occurs.
        const [lo, hi] = c < k ? [c, k] : [k, c];
        let sum = 0;
        for (let g = lo; g <= hi; g++) sum += n[g]!;
        return (sum - (n[lo]! + n[hi]!) / 2) ** 2;
      }
    }
  };
}

/** Krippendorff's alpha of `units` under `metric`; units with fewer than 2 values are ignored. */
export function krippendorffAlpha(units: readonly Unit[], metric: AlphaMetric): AlphaResult {
  const { values, o } = coincidences(units);
  const marginals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  const counted = units.filter((u) => u.length >= 2).length;
  const result = (alpha: number | null): AlphaResult => ({
    alpha,
    units: counted,
    values: Math.round(n),
  });
  if (n <= 1) return result(null);
  const delta = distances(metric, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return result(null);
  return result(1 - ((n - 1) * observed) / expected);
}
