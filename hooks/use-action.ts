import { useState } from 'preact/hooks';
import { caught, type Problem } from '@/lib/result';

/**
 * An action a page's form or button runs: whether it is running, and what went wrong the last
 * time, to show. `run` clears the last failure, then keeps whatever the action throws as the
 * new one; a form that refuses its input before running says itself whether that clears it.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Problem>();
  const run = async (action: () => Promise<void>) => {
    setFailure(undefined);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setFailure(caught(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, run };
}
