import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Anchor } from '@/lib/model';
import { anchorSchema } from '@/lib/model/anchor-schema';

describe('anchorSchema', () => {
  it('describes the same shape as the Anchor type', () => {
    expectTypeOf<v.InferOutput<typeof anchorSchema>>().toEqualTypeOf<Anchor>();
  });

  it.each([
    [
      'a tagged element',
      { css: '#a', text: 'A', rect: { x: 0, y: 0, width: 1, height: 1 }, framePath: [] },
      true,
    ],
    [
      'a box that is not finite',
      { css: '#a', text: 'A', rect: { x: Infinity, y: 0, width: 1, height: 1 }, framePath: [] },
      false,
    ],
    [
      'an unknown kind',
      { css: '#a', text: 'A', rect: { x: 0, y: 0, width: 1, height: 1 }, framePath: [], kind: 'x' },
      false,
    ],
  ])('%s → %s', (_what, anchor, valid) => {
    expect(v.is(anchorSchema, anchor)).toBe(valid);
  });
});
