import type { Brand } from '../model';

/** A domain as the lead typed it, normalised, or the reason it cannot be one. */
export type DomainResult =
  { ok: true; domain: string } | { ok: false; reason: 'empty' | 'invalid' };

// Letters, digits and hyphens in dot-separated labels: what a host name (after punycode) is.
const HOST = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

/**
 * A domain as a brand stores it: lower case, punycode, without scheme, credentials, port,
 * path, query, a leading `*.` or `www.`, or a trailing dot. `https://www.Northwind.com/shoes`
 * becomes `northwind.com`.
 */
export function normaliseDomain(raw: string): DomainResult {
  let text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text.replace(/^\/\//, '')}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  host = host
    .replace(/\.$/, '')
    .replace(/^(\*\.)+/, '')
    .replace(/^www\./, '');
  // URL keeps `*` and `%` in some hosts; neither belongs in a domain.
  // A single label is a typo ("northwind") more often than a host; localhost is the exception.
  if (!HOST.test(host) || (!host.includes('.') && host !== 'localhost'))
    return { ok: false, reason: 'invalid' };
  return { ok: true, domain: host };
}

/** Splits a list typed in one field (commas, spaces or new lines) into its items. */
export function splitDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

/** A message key per field that failed; empty when the input is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

/** One refusal: which message to show, and what to fill it with. */
export interface FieldError {
  /** What went wrong (an i18n key suffix, see `validationMessage`). */
  code:
    | 'required'
    | 'invalidDomain'
    | 'domainTaken'
    | 'duplicateDomain'
    | 'ownTaken'
    | 'twoOwn'
    | 'noBrands'
    | 'noRubric';
  /** Filled into the message, e.g. the offending domain or brand. */
  params?: Record<string, string>;
}

/** What the brand form provides. */
export interface BrandDraft {
  name: string;
  role: Brand['role'];
  /** As typed: URLs, spaces and commas allowed. */
  domainsText: string;
}

/** A brand draft that passed validation, ready to store. */
export interface ValidBrand {
  name: string;
  role: Brand['role'];
  domains: string[];
}

/** The result of validating a form: the clean value, or the errors by field. */
export type Validation<T, F extends string> =
  { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** Whether two brands claim a host in common: one domain equals the other. */
function sharedDomain(a: readonly string[], b: readonly string[]): string | undefined {
  return a.find((d) => b.includes(d));
}

/**
 * Checks a brand: a name, well-formed domains (normalised, de-duplicated), no domain another
 * brand of a shared study claims, and not `own` when a shared study already has its own brand.
 * `siblings` are the other live brands that share a study with this one.
 */
export function validateBrand(
  draft: BrandDraft,
  siblings: readonly Brand[],
): Validation<ValidBrand, 'name' | 'role' | 'domains'> {
  const errors: FieldErrors<'name' | 'role' | 'domains'> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = { code: 'required' };
  const domains: string[] = [];
  for (const raw of splitDomains(draft.domainsText)) {
    const result = normaliseDomain(raw);
    if (!result.ok) {
      errors.domains ??= { code: 'invalidDomain', params: { domain: raw } };
      continue;
    }
    if (!domains.includes(result.domain)) domains.push(result.domain);
  }
  for (const other of siblings) {
    const clash = sharedDomain(domains, other.domains);
    if (clash && !errors.domains)
      errors.domains = { code: 'domainTaken', params: { domain: clash, brand: other.name } };
    if (draft.role === 'own' && other.role === 'own' && !errors.role) {
      errors.role = { code: 'ownTaken', params: { brand: other.name } };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, role: draft.role, domains } };
}

/** What the study form provides. */
export interface StudyDraft {
  name: string;
  wave: string;
  /** `id@version` of the pinned rubric, or empty. */
  rubricKey: string;
  brandIds: string[];
}

/** A study draft that passed validation. */
export interface ValidStudy {
  name: string;
  wave: string;
  rubricId: string;
  rubricVersion: number;
  brandIds: string[];
}

/** The form key of a rubric version (`default@1`). */
export const rubricKey = (id: string, version: number): string => `${id}@${version}`;

/** Parses `id@version`; undefined when it is not one. */
export function parseRubricKey(key: string): { id: string; version: number } | undefined {
  const at = key.lastIndexOf('@');
  const version = Number(key.slice(at + 1));
  if (at <= 0 || !Number.isInteger(version) || version < 1) return undefined;
  return { id: key.slice(0, at), version };
}

/**
 * Checks a study: a name, a pinned rubric, at least one brand, at most one own brand, and no
 * domain claimed by two of its brands. `brands` are the live brands, looked up by id.
 */
export function validateStudy(
  draft: StudyDraft,
  brands: readonly Brand[],
): Validation<ValidStudy, 'name' | 'rubric' | 'brands'> {
  const errors: FieldErrors<'name' | 'rubric' | 'brands'> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = { code: 'required' };
  const rubric = parseRubricKey(draft.rubricKey);
  if (!rubric) errors.rubric = { code: 'noRubric' };
  const chosen = [...new Set(draft.brandIds)]
    .map((id) => brands.find((b) => b.id === id))
    .filter((b): b is Brand => b !== undefined);
  if (chosen.length === 0) errors.brands = { code: 'noBrands' };
  const own = chosen.filter((b) => b.role === 'own');
  if (own.length > 1)
    errors.brands = { code: 'twoOwn', params: { brands: own.map((b) => b.name).join(', ') } };
  for (let i = 0; i < chosen.length && !errors.brands; i++) {
    for (let j = i + 1; j < chosen.length && !errors.brands; j++) {
      const [a, b] = [chosen[i]!, chosen[j]!];
      const clash = sharedDomain(a.domains, b.domains);
      if (clash)
        errors.brands = {
          code: 'duplicateDomain',
          params: { domain: clash, brand: a.name, other: b.name },
        };
    }
  }
  if (Object.keys(errors).length > 0 || !rubric) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      wave: draft.wave.trim(),
      rubricId: rubric.id,
      rubricVersion: rubric.version,
      brandIds: chosen.map((b) => b.id),
    },
  };
}
