/**
 * Runs `job` while watching animation frames: how long it took, the longest gap between two
 * frames (how long the page froze), and every gap over 50 ms (rounded), as a list.
 */
export async function watchFrames<T>(
  job: () => Promise<T>,
): Promise<{ value: T; ms: number; maxGapMs: number; longGaps: number[] }> {
  let last = performance.now();
  let maxGap = 0;
  const longGaps: number[] = [];
  let running = true;
  const gapUntil = (t: number) => {
    maxGap = Math.max(maxGap, t - last);
    if (t - last > 50) longGaps.push(Math.round(t - last));
  };
  const tick = () => {
    const t = performance.now();
    gapUntil(t);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const started = performance.now();
  const value = await job();
  const ms = performance.now() - started;
  running = false;
  gapUntil(performance.now());
  return { value, ms, maxGapMs: maxGap, longGaps };
}
