import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * While `pending`, closing or reloading the page asks first (the browser's own "Leave site?"
 * question, `beforeunload`): work typed and not saved is not lost to a stray Ctrl+W.
 */
export function useAskBeforeLeaving(pending: boolean): void {
  // Right after the render that made the edit, not a frame later: a close that soon still asks.
  useLayoutEffect(() => {
    if (!pending) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [pending]);
}

/**
 * Edits not saved yet, by record id, kept while the page is open: moving to another record and
 * back brings them back, and closing or reloading the page while any is kept asks first.
 */
export function useUnsavedEdits<T>() {
  const [edits, setEdits] = useState<ReadonlyMap<string, T>>(new Map());
  useAskBeforeLeaving(edits.size > 0);
  /** Keeps `value` as the unsaved edit of `id`, or forgets it (null: saved or discarded). */
  const keep = (id: string, value: T | null) =>
    setEdits((before) => {
      const next = new Map(before);
      if (value === null) next.delete(id);
      else next.set(id, value);
      return next;
    });
  return { edits, keep };
}

/** What {@link useUnsavedEdits} gives, for a page that keeps edits above the part editing them. */
export type UnsavedEdits<T> = ReturnType<typeof useUnsavedEdits<T>>;
