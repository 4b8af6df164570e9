import { describeProblemAt } from '../../../lib/i18n';
import type { Problem, Result } from '../../../lib/result';

/** A problem as the report page says it (`path: text`), split back into where and what. */
export interface Said {
  /** `''` for the file as a whole. */
  path: string;
  message: string;
}

/** What `describeProblemAt` says of a problem, as `{ path, message }`. */
export function said(problem: Problem): Said {
  const text = describeProblemAt(problem);
  const path = problem.path ?? '';
  const prefix = path ? `${path}: ` : '';
  if (!text.startsWith(prefix)) throw new Error(`"${text}" does not start with "${prefix}"`);
  return { path, message: text.slice(prefix.length) };
}

/** A result with its problem said (see {@link said}). */
export function saidResult<T>(result: Result<T>): Result<T, Said> {
  return result.ok ? result : { ok: false, error: said(result.error) };
}
