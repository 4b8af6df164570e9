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

const CATEGORIES = [
  'toplevel',
  'blink',
  'v8',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'benchmark',
].join(',');

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
