import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** One trace event as Chromium writes it (durations in microseconds). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

const CATEGORIES = ['toplevel', 'v8', 'devtools.timeline'].join(',');

/**
 * Records a DevTools trace of the whole browser (every process and thread) while `job` runs,
 * writes it to `file` (open it in DevTools' Performance panel) and returns its events.
 */
export async function traced<T>(
  cdp: CDPSession,
  file: string,
  job: () => Promise<T>,
): Promise<{ value: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    const value = await job();
    return { value, events };
  } finally {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
  }
}

/**
 * The tasks of `over` ms or more in a trace, thread by thread (the thread's name, the task's
 * length and the longest events inside it), so a freeze can be put down to what ran: one line
 * per task, longest first.
 */
export function longTasks(events: TraceEvent[], over = 50): string[] {
  const threads = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args!.name!);
  }
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const tasks = complete.filter(
    (e) =>
      (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur! >= over * 1000,
  );
  tasks.sort((a, b) => b.dur! - a.dur!);
  const lines: string[] = [];
  for (const task of tasks.slice(0, 12)) {
    const inside = complete
      .filter(
        (e) =>
          e !== task &&
          e.pid === task.pid &&
          e.tid === task.tid &&
          e.ts >= task.ts &&
          e.ts + e.dur! <= task.ts + task.dur! &&
          e.name !== 'ThreadControllerImpl::RunTask' &&
          e.name !== 'RunTask',
      )
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 4)
      .map((e) => {
        const where = e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || '';
        return `${e.name}${where ? ` (${where})` : ''} ${(e.dur! / 1000).toFixed(0)} ms`;
      });
    const thread = threads.get(`${task.pid}:${task.tid}`) ?? `thread ${task.tid}`;
    lines.push(
      `  ${thread} (pid ${task.pid}): task of ${(task.dur! / 1000).toFixed(0)} ms${inside.length ? `: ${inside.join('; ')}` : ''}`,
    );
  }
  return lines;
}

const isTask = (e: TraceEvent) =>
  e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');

/**
 * Every gap of `over` ms or more between two animation frames of a page (`FireAnimationFrame`,
 * frame by frame), with the threads that were busy during it and for how long: a gap whose
 * page thread was idle while other threads (or other programs: nothing in the trace) ran is
 * the machine's, not the page's.
 */
export function frameGaps(events: TraceEvent[], over = 100): string[] {
  const names = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args!.name!);
    if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, e.args!.name!);
  }
  const byFrame = new Map<string, number[]>();
  for (const e of events) {
    if (e.name !== 'FireAnimationFrame') continue;
    const frame = (e.args?.data as { frame?: string } | undefined)?.frame ?? '';
    byFrame.set(frame, [...(byFrame.get(frame) ?? []), e.ts]);
  }
  // Top-level tasks only: a task run inside another (nested loops) is not counted twice.
  const tasks: TraceEvent[] = [];
  const endOf = new Map<string, number>();
  for (const t of events.filter(isTask).sort((a, b) => a.ts - b.ts)) {
    const thread = `${t.pid}:${t.tid}`;
    if (t.ts < (endOf.get(thread) ?? 0)) continue;
    endOf.set(thread, t.ts + t.dur!);
    tasks.push(t);
  }
  const lines: string[] = [];
  for (const [frame, times] of byFrame) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i += 1) {
      const [from, to] = [times[i - 1]!, times[i]!];
      if (to - from < over * 1000) continue;
      const busy = new Map<string, number>();
      for (const t of tasks) {
        const overlap = Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts);
        if (overlap <= 0) continue;
        const key = `${processes.get(t.pid) ?? t.pid}/${names.get(`${t.pid}:${t.tid}`) ?? t.tid}`;
        busy.set(key, (busy.get(key) ?? 0) + overlap);
      }
      const top = [...busy]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([k, us]) => `${k} ${(us / 1000).toFixed(0)} ms`)
        .join(', ');
      lines.push(
        `  frame ${frame.slice(0, 6)}: no frame for ${((to - from) / 1000).toFixed(0)} ms; busy meanwhile: ${top || 'nothing traced'}`,
      );
    }
  }
  return lines;
}
