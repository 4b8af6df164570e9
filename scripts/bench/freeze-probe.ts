import type { Page } from 'playwright-core';

/**
 * Page-world script (an init script, so it is in every page the bench opens) that watches how
 * long the page's main thread stays without a new frame: the gap between animation frames,
 * the longest long task, and each long animation frame (`long-animation-frame`, Chromium's
 * breakdown of a slow frame: script, style and layout, and which scripts ran). Gaps over
 * 100 ms are kept with their time so a gap can be matched with what the page was doing.
 */
export const FREEZE_PROBE = `
(() => {
  const f = { maxGap: 0, maxLong: 0, gaps: [], frames: [], marks: [] };
  window.__tpaFreeze = f;
  let last = performance.now();
  const tick = () => {
    const t = performance.now();
    if (t - last > 100) f.gaps.push({ at: Math.round(last), ms: Math.round(t - last) });
    f.maxGap = Math.max(f.maxGap, t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) f.maxLong = Math.max(f.maxLong, e.duration);
  }).observe({ type: 'longtask' });
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.duration < 100) continue;
        f.frames.push({
          at: Math.round(e.startTime),
          ms: Math.round(e.duration),
          blocking: Math.round(e.blockingDuration),
          layout: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0,
          scripts: e.scripts.map((s) => ({
            ms: Math.round(s.duration),
            what: s.invoker || s.sourceFunctionName || s.invokerType,
            where: (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition,
          })).filter((s) => s.ms >= 5),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {}
  window.__tpaMark = (what) => f.marks.push({ at: Math.round(performance.now()), what });
  window.__tpaFreezeReset = () => {
    f.maxGap = 0; f.maxLong = 0; f.gaps = []; f.frames = []; f.marks = [];
    last = performance.now();
  };
})();
`;

/** A gap between frames, or a long animation frame, at `at` ms of the page's clock. */
interface Timed {
  at: number;
  ms: number;
}

/** What the probe saw since its last reset. */
export interface Freeze {
  maxGap: number;
  maxLong: number;
  /** The longest gap over 100 ms during which the page's thread was blocked (0 if none). */
  maxOwnGap?: number;
  gaps: Timed[];
  frames: (Timed & {
    blocking: number;
    layout: number;
    scripts: { ms: number; what: string; where: string }[];
  })[];
  marks: { at: number; what: string }[];
}

type Probe = { __tpaFreezeReset(): void; __tpaFreeze: Freeze; __tpaMark(what: string): void };

export const resetFreeze = (page: Page) =>
  page.evaluate(() => (window as unknown as Probe).__tpaFreezeReset());

export async function readFreeze(page: Page): Promise<Freeze> {
  const f = await page.evaluate(() => structuredClone((window as unknown as Probe).__tpaFreeze));
  // A gap is the page's own when a long animation frame within it blocked the page's thread.
  const own = f.gaps.filter((g) =>
    f.frames.some((fr) => fr.blocking > 0 && fr.at < g.at + g.ms && fr.at + fr.ms > g.at),
  );
  return { ...f, maxOwnGap: Math.max(0, ...own.map((g) => g.ms)) };
}

/** The worst of several rounds. */
export function worstFreeze(all: Freeze[]): Freeze {
  return {
    maxGap: Math.max(0, ...all.map((f) => f.maxGap)),
    maxLong: Math.max(0, ...all.map((f) => f.maxLong)),
    maxOwnGap: Math.max(0, ...all.map((f) => f.maxOwnGap ?? 0)),
    gaps: all.flatMap((f) => f.gaps),
    frames: all.flatMap((f) => f.frames),
    marks: all.flatMap((f) => f.marks),
  };
}

/** One line per gap over 100 ms and per long animation frame, to trace where a freeze came from. */
export function describeFreeze(f: Freeze): string[] {
  const lines = f.gaps.map((g) => `  gap ${g.ms} ms between frames at ${g.at} ms`);
  for (const fr of f.frames) {
    const scripts = fr.scripts.map((s) => `${s.what} ${s.ms} ms (${s.where})`).join('; ');
    lines.push(
      `  long animation frame at ${fr.at} ms: ${fr.ms} ms (blocking ${fr.blocking} ms, style and layout ${fr.layout} ms)${scripts ? `: ${scripts}` : ''}`,
    );
  }
  return lines;
}
