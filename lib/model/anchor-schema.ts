import * as v from 'valibot';

/** Caps on an anchor's fields wherever one arrives from outside (a tagger writes much less). */
export const ANCHOR_LIMITS = {
  /** The CSS selector, the quote and each frame's selector. */
  selector: 8_000,
  /** Text around the quote. */
  context: 1_000,
  /** Frames between the top document and the tagged element. */
  frames: 64,
} as const;

const textOf = (max: number) =>
  v.pipe(
    v.string('expected a string'),
    v.maxLength(max, `expected a string of at most ${max} characters`),
  );
const finite = v.pipe(v.number('expected a number'), v.finite('expected a number'));

/**
 * The shape of an `Anchor` (see `types.ts`), checked wherever one arrives from outside: a
 * message from a content script, a backup file. Strict at every level: an unknown field is
 * refused rather than kept, so a file cannot slip arbitrarily deep or large data into the
 * database (it would later break cloning and export); every string and list is capped.
 * Messages add tighter length caps on top, never a second copy of the shape.
 */
export const anchorSchema = v.strictObject(
  {
    css: textOf(ANCHOR_LIMITS.selector),
    text: textOf(ANCHOR_LIMITS.selector),
    prefix: v.optional(textOf(ANCHOR_LIMITS.context)),
    suffix: v.optional(textOf(ANCHOR_LIMITS.context)),
    rect: v.strictObject(
      { x: finite, y: finite, width: finite, height: finite },
      'expected a rectangle { x, y, width, height }',
    ),
    framePath: v.pipe(
      v.array(textOf(ANCHOR_LIMITS.selector), 'expected a list'),
      v.maxLength(ANCHOR_LIMITS.frames, `expected a list of at most ${ANCHOR_LIMITS.frames} items`),
    ),
    kind: v.optional(
      v.picklist(['element', 'page', 'region'], 'expected "element", "page" or "region"'),
    ),
  },
  'expected an anchor object or null',
);
