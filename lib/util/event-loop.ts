/**
 * Lets the page paint and handle input between two slices of long work (exports, backups,
 * imports): resolves on a later task, after every task already queued — timers, input, a
 * frame — has had its turn. A plain `await` is not enough: it only waits for microtasks.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
