import { useRef } from 'preact/hooks';
import { caught, type Problem } from '@/lib/result';

/**
 * Runs writes one after the other, in the order they were asked for: a form kept at every
 * change never has a later state written over by an earlier one (IndexedDB orders the
 * transactions, not the reads some writes start with). A failed write is handed to `onFailure`
 * and does not stop the next. Answers the queue's runner; its promise settles once that write
 * (and every write before it) has.
 */
export function useSerialWrites(onFailure: (problem: Problem) => void) {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  return (write: () => Promise<unknown>): Promise<unknown> =>
    (tail.current = tail.current.then(write).catch((e: unknown) => onFailure(caught(e))));
}
