/** What the review queue's keys do (docs/ARCHITECTURE.md#review). */
export type ReviewKey = 'next' | 'previous' | 'comment' | 'approve' | 'return';

const KEYS: Record<string, ReviewKey> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  c: 'comment',
  a: 'approve',
  r: 'return',
};

/** Whether the key goes to a field the user types in (then it is never a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The shortcut a key press stands for, if any: plain keys only, never while typing. */
export function reviewKeyOf(e: KeyboardEvent): ReviewKey | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingIn(e.target)) return;
  return Object.hasOwn(KEYS, e.key) ? KEYS[e.key] : undefined;
}
