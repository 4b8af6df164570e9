import * as v from 'valibot';
import { expectMessage as m } from '../result';

/** Caps on an anchor's fields wherever one arrives from outside (a tagger writes much less). */
export const ANCHOR_LIMITS = {
  /** The CSS selector, the quote and each frame's selector. */
  selector: 8_000,
  /** Text around the quote. */
  context: 1_000,
  /** Frames between the top document and the tagged element. */
  frames: 64,
} as const;

// Each message is a problem's code (`anchor.expect.*`) with its parameters: whoever reads an
// anchor turns the issue into that problem (`schemaProblem`) and the UI words it.
const textOf = (max: number) =>
  v.pipe(
    v.string(m('anchor.expect.string')),
    v.maxLength(max, m('anchor.expect.string-length', { max })),
  );
const finite = v.pipe(v.number(m('anchor.expect.number')), v.finite(m('anchor.expect.number')));

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
      m('anchor.expect.rect'),
    ),
    framePath: v.pipe(
      v.array(textOf(ANCHOR_LIMITS.selector), m('anchor.expect.list')),
      v.maxLength(
        ANCHOR_LIMITS.frames,
        m('anchor.expect.list-length', { max: ANCHOR_LIMITS.frames }),
      ),
    ),
    kind: v.optional(v.picklist(['element', 'page', 'region'], m('anchor.expect.kind'))),
  },
  m('anchor.expect.anchor'),
);
