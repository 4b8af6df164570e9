import { performance } from 'node:perf_hooks';
import { measureAgreement, type CalibrationScoring } from '../../lib/calibration/agreement';

/** A seeded pseudo-random generator (mulberry32), so every run scores the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Agreement (ordinal alpha per criterion and overall, every shopper's deviation) over
 * `items` × `shoppers` × `criteria` scores on a 1–5 scale, one in ten N/A: median of `runs`.
 */
export function benchCalibration(items = 50, shoppers = 10, criteria = 8, runs = 9): void {
  const next = random(42);
  const ids = Array.from({ length: criteria }, (_, i) => `c${i}`);
  const scorings: CalibrationScoring[] = [];
  for (let i = 0; i < items; i++) {
    const truth = 1 + Math.floor(next() * 5);
    for (let s = 0; s < shoppers; s++) {
      const scores: Record<string, number | 'NA'> = {};
      for (const id of ids) {
        const noisy = truth + Math.round((next() - 0.5) * 2);
        scores[id] = next() < 0.1 ? 'NA' : Math.min(5, Math.max(1, noisy));
      }
      scorings.push({ item: `i${i}`, shopper: `s${s}`, scores });
    }
  }
  const times: number[] = [];
  let overall: number | null = null;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    overall = measureAgreement(scorings, ids).overall.alpha;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1]!;
  console.log(
    `\n## Calibration agreement, ${items} items × ${shoppers} shoppers × ${criteria} criteria (Node, median of ${runs})`,
  );
  console.log(
    `alpha per criterion + overall + shopper deviations: ${median.toFixed(1)} ms — target ≤ 50 ms: ${median <= 50 ? 'within' : 'OVER'} (overall alpha ${overall?.toFixed(3)})`,
  );
}
