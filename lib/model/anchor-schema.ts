import * as v from 'valibot';

const text = v.string('expected a string');
const finite = v.pipe(v.number('expected a number'), v.finite('expected a number'));

/**
 * The shape of an `Anchor` (see `types.ts`), checked wherever one arrives from outside: a
 * message from a content script, a backup file. Callers add their own rules on top (messages
 * cap the lengths; a backup keeps fields it does not know), never a second copy of the shape.
 */
export const anchorSchema = v.object(
  {
    css: text,
    text: text,
    prefix: v.optional(text),
    suffix: v.optional(text),
    rect: v.object(
      { x: finite, y: finite, width: finite, height: finite },
      'expected a rectangle { x, y, width, height }',
    ),
    framePath: v.array(text, 'expected a list'),
    kind: v.optional(
      v.picklist(['element', 'page', 'region'], 'expected "element", "page" or "region"'),
    ),
  },
  'expected an anchor object or null',
);
