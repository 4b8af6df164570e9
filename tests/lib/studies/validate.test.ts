import { describe, expect, it } from 'vitest';
import type { Brand } from '../../../lib/model';
import {
  normaliseDomain,
  parseRubricKey,
  splitDomains,
  validateBrand,
  validateStudy,
} from '../../../lib/studies';
import { describeProblem } from '../../../lib/i18n';
import type { Problem, Result } from '../../../lib/result';

/** A failed form's problems by field (each field shows its first), as the form shows them. */
const byField = <T>(result: Result<T, Problem[]>) =>
  result.ok
    ? result
    : {
        ok: false,
        errors: Object.fromEntries(result.error.map(({ path, ...rest }) => [path, rest])),
      };

const brand = (id: string, role: Brand['role'], domains: string[]): Brand => ({
  id,
  name: id.toUpperCase(),
  role,
  domains,
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
});

describe('normaliseDomain', () => {
  it.each([
    ['northwind.com', 'northwind.com'],
    ['  Northwind.COM  ', 'northwind.com'],
    ['https://www.northwind.com/shoes?x=1#top', 'northwind.com'],
    ['http://user:pw@shop.northwind.com:8080/', 'shop.northwind.com'],
    ['*.northwind.com', 'northwind.com'],
    ['northwind.com.', 'northwind.com'],
    ['//contoso.localhost/', 'contoso.localhost'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
  ])('%j → %s', (raw, domain) => {
    expect(normaliseDomain(raw)).toEqual({ ok: true, value: domain });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['not a domain', 'invalid'],
    ['http://', 'invalid'],
    ['-bad-.com', 'invalid'],
    ['a..b', 'invalid'],
  ])('%j is refused (%s)', (raw, reason) => {
    const result = normaliseDomain(raw);
    expect(!result.ok && result.error.code).toBe(`${reason}-domain`);
  });
});

describe('splitDomains', () => {
  it.each([
    ['a.com, b.com', ['a.com', 'b.com']],
    ['a.com\nb.com  c.com;d.com', ['a.com', 'b.com', 'c.com', 'd.com']],
    [' , ', []],
  ])('%j → %j', (text, list) => expect(splitDomains(text)).toEqual(list));
});

describe('validateBrand', () => {
  const siblings = [
    brand('own', 'own', ['northwind.com']),
    brand('c', 'competitor', ['contoso.com']),
  ];

  it('normalises and de-duplicates domains', () => {
    expect(
      validateBrand(
        {
          name: ' Fabrikam ',
          role: 'competitor',
          domainsText: 'https://fabrikam.com/, FABRIKAM.com fabrikam.de',
        },
        siblings,
      ),
    ).toEqual({
      ok: true,
      value: { name: 'Fabrikam', role: 'competitor', domains: ['fabrikam.com', 'fabrikam.de'] },
    });
  });

  it.each([
    [
      'an empty name',
      { name: '  ', role: 'competitor', domainsText: 'x.com' },
      { name: { code: 'required' } },
    ],
    [
      'a broken domain',
      { name: 'X', role: 'competitor', domainsText: 'x.com, not a domain' },
      { domains: { code: 'invalid-domain', params: { domain: 'not' } } },
    ],
    [
      'a domain of a sibling',
      { name: 'X', role: 'competitor', domainsText: 'www.contoso.com' },
      { domains: { code: 'domain-taken', params: { domain: 'contoso.com', brand: 'C' } } },
    ],
    [
      'a second own brand',
      { name: 'X', role: 'own', domainsText: 'x.com' },
      { role: { code: 'own-taken', params: { brand: 'OWN' } } },
    ],
  ] as const)('refuses %s', (_what, draft, errors) => {
    expect(byField(validateBrand(draft, siblings))).toEqual({ ok: false, errors });
  });

  it('accepts a brand with no domain yet (claimed on the fly while tagging)', () => {
    expect(validateBrand({ name: 'X', role: 'competitor', domainsText: '' }, siblings).ok).toBe(
      true,
    );
  });
});

describe('validateStudy', () => {
  const brands = [
    brand('own', 'own', ['northwind.com']),
    brand('own2', 'own', ['other.com']),
    brand('c1', 'competitor', ['contoso.com']),
    brand('c2', 'competitor', ['contoso.com', 'c2.com']),
  ];

  it('accepts a valid study and pins the rubric version', () => {
    expect(
      validateStudy(
        {
          name: ' Q4 shoes ',
          wave: ' 2026-Q4 ',
          rubricKey: 'default@2',
          brandIds: ['own', 'c1', 'c1'],
        },
        brands,
      ),
    ).toEqual({
      ok: true,
      value: {
        name: 'Q4 shoes',
        wave: '2026-Q4',
        rubricId: 'default',
        rubricVersion: 2,
        brandIds: ['own', 'c1'],
      },
    });
  });

  it.each([
    [
      'an empty name',
      { name: '', rubricKey: 'default@1', brandIds: ['own'] },
      { name: { code: 'required' } },
    ],
    [
      'no rubric',
      { name: 'S', rubricKey: '', brandIds: ['own'] },
      { rubric: { code: 'no-rubric' } },
    ],
    [
      'no brand',
      { name: 'S', rubricKey: 'default@1', brandIds: ['gone'] },
      { brands: { code: 'no-brands' } },
    ],
    [
      'two own brands',
      { name: 'S', rubricKey: 'default@1', brandIds: ['own', 'own2'] },
      { brands: { code: 'two-own', params: { brands: 'OWN, OWN2' } } },
    ],
    [
      'one domain claimed twice',
      { name: 'S', rubricKey: 'default@1', brandIds: ['own', 'c1', 'c2'] },
      {
        brands: {
          code: 'duplicate-domain',
          params: { domain: 'contoso.com', brand: 'C1', other: 'C2' },
        },
      },
    ],
  ] as const)('refuses %s', (_what, draft, errors) => {
    expect(
      byField(validateStudy({ wave: '', ...draft, brandIds: [...draft.brandIds] }, brands)),
    ).toEqual({
      ok: false,
      errors,
    });
  });
});

describe('parseRubricKey and the messages of its problems', () => {
  it.each([
    ['default@1', { id: 'default', version: 1 }],
    ['my@rubric@3', { id: 'my@rubric', version: 3 }],
    ['default@0', undefined],
    ['@1', undefined],
    ['default', undefined],
  ])('%s → %j', (key, parsed) => expect(parseRubricKey(key)).toEqual(parsed));

  it('fills the message with what failed', () => {
    expect(
      describeProblem({ code: 'domain-taken', params: { domain: 'x.com', brand: 'Contoso' } }),
    ).toBe('x.com is already claimed by Contoso, a brand of the same study.');
  });
});
