import type { TaggerPerfStats } from '../messaging/protocol';
import { pristine } from './pristine';

const KEEP = 2_000;
const moves: number[] = [];
const saves: number[] = [];

const push = (list: number[], ms: number) => {
  list.push(ms);
  if (list.length > KEEP) list.shift();
};

const median = (list: number[]): number | null => {
  if (list.length === 0) return null;
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The mean: the page's clock here ticks in 0.1 ms steps (no cross-origin isolation), so the
 * median of short spans is one of those steps; their mean is finer.
 */
const mean = (list: number[]): number | null =>
  list.length === 0 ? null : list.reduce((a, b) => a + b, 0) / list.length;

/**
 * Times the picker's per-frame pointer-move work (hit test, measuring, drawing the highlight). Figures stay in the content script's memory (performance
 * marks would be visible to the page) and are read through the `getPerfStats` message.
 */
export function timePointerMove<T>(run: () => T): T {
  const start = pristine().now();
  try {
    return run();
  } finally {
    push(moves, pristine().now() - start);
  }
}

/** Records how long a Save took, from the click to the stored touchpoint and evidence. */
export const recordSave = (ms: number): void => push(saves, ms);

/** The figures so far. */
export function perfStats(): TaggerPerfStats {
  return {
    pointerMoves: moves.length,
    pointerMoveMedianMs: median(moves),
    pointerMoveMeanMs: mean(moves),
    saves: saves.length,
    saveMedianMs: median(saves),
  };
}
