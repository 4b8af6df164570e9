import { useState } from 'preact/hooks';
import { caught, type Problem, type Result } from '@/lib/result';
import { giveFocusBack } from '@/lib/util/focus';

/**
 * An action a page's form or button runs: whether it is running, and what went wrong the last
 * time, to show. `run` clears the last failure, then keeps whatever the action throws as the
 * new one; a form that refuses its input before running says itself whether that clears it.
 * The control that started it gets the focus back if it lost it while the action ran.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Problem>();
  const run = async (action: () => Promise<void>) => {
    const from = document.activeElement;
    setFailure(undefined);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setFailure(caught(error));
    } finally {
      setBusy(false);
      giveFocusBack(from);
    }
  };
  return { busy, failure, setFailure, run };
}

/**
 * A form that checks its input before saving: the problems found at its fields, and `save`,
 * which shows them (clearing the last failure) or, when there are none, saves the checked
 * value through {@link useAction}.
 */
export function useCheckedSave<T>(onSave: (value: T) => Promise<void>) {
  const { busy, failure, setFailure, run } = useAction();
  const [problems, setProblems] = useState<Problem[]>([]);
  const save = async (checked: Result<T, Problem[]>) => {
    if (!checked.ok) {
      setFailure(undefined);
      setProblems(checked.error);
      return;
    }
    setProblems([]);
    await run(() => onSave(checked.value));
  };
  return { busy, failure, problems, save };
}
