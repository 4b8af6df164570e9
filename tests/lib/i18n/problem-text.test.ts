import { describe, expect, it } from 'vitest';
import { describeProblem, describeProblemAt, isKnownProblemCode } from '../../../lib/i18n';
import { enCore } from '../../../lib/i18n/en-core';

describe('describeProblem', () => {
  it.each([
    [{ code: 'required' }, 'Please fill this in.'],
    [
      { code: 'domain-taken', params: { domain: 'x.com', brand: 'Contoso' } },
      'x.com is already claimed by Contoso, a brand of the same study.',
    ],
    [
      { code: 'min-not-below-max', params: { min: 5, max: 1 }, path: 'scale.min' },
      'The minimum (5) must be below the maximum (1).',
    ],
    [
      { code: 'category-seeded-id', params: { id: 'cart' } },
      '“cart” is a category of the default taxonomy already.',
    ],
    [{ code: 'unexpected', params: { detail: 'disk full' } }, 'Something went wrong: disk full'],
    [{ code: 'made-up' }, 'Something went wrong (made-up).'],
  ])('%j → %s', (problem, text) => {
    expect(describeProblem(problem)).toBe(text);
  });

  it('prefixes a problem in a file with where it is', () => {
    expect(describeProblemAt({ code: 'share.expect.weight', path: 'criteria[2].weight' })).toBe(
      'criteria[2].weight: expected a number ≥ 0',
    );
    expect(describeProblemAt({ code: 'share.expect.rubric' })).toBe('expected a rubric object');
  });

  // The tagger (content script) carries only the core texts: what it can be told must be there.
  it.each([
    'no-active-audit',
    'invalid-message',
    'forbidden-sender',
    'internal',
    'unreachable',
    'unexpected',
  ])('the content script can say %s', (code) => {
    expect(isKnownProblemCode(code)).toBe(true);
    const text = describeProblem({ code, params: { detail: 'x' } });
    const texts = Object.values(enCore).filter((core) => typeof core === 'string');
    expect(texts.some((core) => text === core.replace('{detail}', 'x'))).toBe(true);
  });
});
