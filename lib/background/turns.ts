/**
 * Runs work one piece at a time per key, in the order it was asked for. A tab's draft is
 * written and read by messages that arrive together (the page leaving sends what was typed
 * last, the page it left for asks for the draft at once), each several database steps long:
 * without turns, the read finishes first and the words come back missing.
 */
export function createTurns() {
  const tails = new Map<string, Promise<unknown>>();
  return function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (tails.get(key) ?? Promise.resolve()).then(work);
    // The next piece waits for this one, whether it succeeded or not.
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
