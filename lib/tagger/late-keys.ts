/** A character the shopper typed into a text field of the panel, and where it went. */
interface Typed {
  field: object;
  /** When it was typed: the key event's time on the shared clock (ms since the epoch). */
  at: number;
  /** Where it was put in the field's value. */
  pos: number;
  char: string;
}

/** How long a typed character is remembered (a caught key comes back within milliseconds). */
const KEEP_MS = 2_000;

/**
 * Puts a key back in its place when it reaches the panel late. A page that keeps taking the
 * focus catches some of the shopper's keys; the tagger hands each one to the panel over the
 * page's port to the UI frame, while the keys typed after it, once the focus is back, go to
 * the panel straight from the browser. The two ways are not ordered: "card" could become
 * "crad". Both documents stamp a key event on the same clock, so the panel notes when and
 * where each character it got directly went, and a late one goes before those typed after it.
 * Anything else typed or done in the field (Backspace, a paste, a moved caret) is a reason to
 * forget: the late key then goes where the caret is.
 */
export function createLateKeys() {
  let typed: Typed[] = [];
  return {
    /** A character typed at `at` into `field`, at `pos`. */
    typed(field: object, at: number, pos: number, char: string): void {
      typed = typed.filter((t) => t.field === field && at - t.at < KEEP_MS);
      typed.push({ field, at, pos, char });
    },
    /** Positions noted so far may no longer hold. */
    forget(): void {
      typed = [];
    },
    /**
     * Where `char`, typed at `at` but handed over only now, goes in `field` (`value`, the caret
     * at `caret`): before the characters typed after it, when each is still where it went;
     * otherwise at the caret.
     */
    place(field: object, value: string, caret: number, at: number, char: string): number {
      const later = typed.filter((t) => t.field === field && t.at > at);
      const known = later.every((t) => value[t.pos] === t.char);
      const pos = later.length > 0 && known ? Math.min(...later.map((t) => t.pos)) : caret;
      for (const t of typed) if (t.field === field && t.pos >= pos) t.pos += 1;
      typed.push({ field, at, pos, char });
      return pos;
    },
  };
}
