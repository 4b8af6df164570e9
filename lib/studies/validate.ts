import type { Brand } from '../model';
import { fail, ok, problem, refuse, type Problem, type Result } from '../result';

// Letters, digits and hyphens in dot-separated labels: what a host name (after punycode) is.
const HOST = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

/**
 * A domain as a brand stores it: lower case, punycode, without scheme, credentials, port,
 * path, query, a leading `*.` or `www.`, or a trailing dot. `https://www.Northwind.com/shoes`
 * becomes `northwind.com`.
 */
export function normaliseDomain(raw: string): Result<string> {
  let text = raw.trim();
  if (text === '') return fail('empty-domain');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text.replace(/^\/\//, '')}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return fail('invalid-domain', { domain: raw });
  }
  host = host
    .replace(/\.$/, '')
    .replace(/^(\*\.)+/, '')
    .replace(/^www\./, '');
  // URL keeps `*` and `%` in some hosts; neither belongs in a domain.
  // A single label is a typo ("northwind") more often than a host; localhost is the exception.
  if (!HOST.test(host) || (!host.includes('.') && host !== 'localhost'))
    return fail('invalid-domain', { domain: raw });
  return ok(host);
}

/** Splits a list typed in one field (commas, spaces or new lines) into its items. */
export function splitDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
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

/** The first problem found at each field of a form. */
type FirstByField<F extends string> = Partial<Record<F, Problem>>;

/** The problems of a form, each with its field as `path`. */
function problemsOf<F extends string>(errors: FirstByField<F>): Problem[] {
  return (Object.entries(errors) as [F, Problem][]).map(([field, p]) => ({ ...p, path: field }));
}

/** A brand's or study's name, trimmed; when that leaves nothing, `required` at `name`. */
function requiredName(typed: string, errors: FirstByField<'name'>): string {
  const name = typed.trim();
  if (name === '') errors.name = problem('required');
  return name;
}

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
): Result<ValidBrand, Problem[]> {
  const errors: FirstByField<'name' | 'role' | 'domains'> = {};
  const name = requiredName(draft.name, errors);
  const domains: string[] = [];
  for (const raw of splitDomains(draft.domainsText)) {
    const result = normaliseDomain(raw);
    if (!result.ok) {
      errors.domains ??= problem('invalid-domain', { domain: raw });
      continue;
    }
    if (!domains.includes(result.value)) domains.push(result.value);
  }
  for (const other of siblings) {
    const clash = sharedDomain(domains, other.domains);
    if (clash && !errors.domains)
      errors.domains = problem('domain-taken', { domain: clash, brand: other.name });
    if (draft.role === 'own' && other.role === 'own' && !errors.role) {
      errors.role = problem('own-taken', { brand: other.name });
    }
  }
  const problems = problemsOf(errors);
  return problems.length > 0 ? refuse(problems) : ok({ name, role: draft.role, domains });
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
): Result<ValidStudy, Problem[]> {
  const errors: FirstByField<'name' | 'rubric' | 'brands'> = {};
  const name = requiredName(draft.name, errors);
  const rubric = parseRubricKey(draft.rubricKey);
  if (!rubric) errors.rubric = problem('no-rubric');
  const chosen = [...new Set(draft.brandIds)]
    .map((id) => brands.find((b) => b.id === id))
    .filter((b): b is Brand => b !== undefined);
  if (chosen.length === 0) errors.brands = problem('no-brands');
  const own = chosen.filter((b) => b.role === 'own');
  if (own.length > 1)
    errors.brands = problem('two-own', { brands: own.map((b) => b.name).join(', ') });
  for (let i = 0; i < chosen.length && !errors.brands; i++) {
    for (let j = i + 1; j < chosen.length && !errors.brands; j++) {
      const [a, b] = [chosen[i]!, chosen[j]!];
      const clash = sharedDomain(a.domains, b.domains);
      if (clash)
        errors.brands = problem('duplicate-domain', {
          domain: clash,
          brand: a.name,
          other: b.name,
        });
    }
  }
  const problems = problemsOf(errors);
  if (problems.length > 0 || !rubric) return refuse(problems);
  return ok({
    name,
    wave: draft.wave.trim(),
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    brandIds: chosen.map((b) => b.id),
  });
}
