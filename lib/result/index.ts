/** Values filled into a problem's message, e.g. the offending domain or the scale's bounds. */
export type ProblemParams = Record<string, string | number>;

/**
 * Why something could not be done, in a form code can test and the UI can translate: `lib`
 * returns it, `describeProblem` (lib/i18n/problem-text.ts) turns it into the user's language.
 */
export interface Problem {
  /** Stable code, e.g. `no-active-audit`, `invalid-domain`, `min-not-below-max`. */
  code: string;
  /** Filled into the message; `detail` carries an English explanation for logs. */
  params?: ProblemParams;
  /** Where, for a problem in a form or a file: `name`, `criteria[2].weight`… */
  path?: string;
}

/**
 * An expected outcome: a value, or what went wrong (never a thrown string). A check that can
 * find several problems at once fails with all of them: `Result<T, Problem[]>`.
 */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a success. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** A problem with its code, parameters and place; empty parts are left out. */
export function problem(code: string, params?: ProblemParams, path?: string): Problem {
  return {
    code,
    ...(params && Object.keys(params).length > 0 ? { params } : {}),
    ...(path !== undefined ? { path } : {}),
  };
}

/**
 * Wraps one problem as a failure. `params` may be an English detail for logs (kept as
 * `params.detail`), as the messaging layer passes it.
 */
export const fail = <T = never>(code: string, params?: ProblemParams | string): Result<T> => ({
  ok: false,
  error: problem(code, typeof params === 'string' ? { detail: params } : params),
});

/** Wraps the problems of a check as one failure. */
export const refuse = <T = never>(problems: Problem[]): Result<T, Problem[]> => ({
  ok: false,
  error: problems,
});

/** The problems at one place (a form field), in order. */
export const problemsAt = (problems: readonly Problem[], path: string): Problem[] =>
  problems.filter((p) => p.path === path);

/** An unexpected exception (a failed database write, a closed port) as a problem to show. */
export function caught(error: unknown): Problem {
  if (isStorageFull(error)) return problem('storage-full');
  if (isDatabaseClosed(error)) return problem('app-updated');
  return problem('unexpected', {
    detail: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Whether an error is the browser refusing to store more, as IndexedDB raises it or as Dexie
 * wraps it: the disk or the origin's share of it is full. Chromium says so in three ways
 * (measured with a profile on a full tmpfs, docs/RECOVERY.md#the-disk-full-during-a-save):
 * `QuotaExceededError` past an origin's quota; on a full disk, for an extension with
 * `unlimitedStorage`, `DataError: Failed to write blobs (IOError)` when the write holds an
 * image (or any value big enough to be kept as a file), and `UnknownError: … IO error: …
 * FILE_ERROR_NO_SPACE` when the database's own log cannot grow.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const { name, message, inner } = e as { name?: unknown; message?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    const text = typeof message === 'string' ? message : '';
    if (name === 'DataError' && /Failed to write blobs/.test(text)) return true;
    if (/FILE_ERROR_NO_SPACE/.test(text)) return true;
    e = inner;
  }
  return false;
}

/**
 * Whether an error is Dexie refusing to work on a closed database (`DatabaseClosedError`). The
 * extension closes its database for good only when a newer version of it was opened elsewhere
 * (lib/db/schema.ts), so this means: the extension was updated, reload the page.
 */
export function isDatabaseClosed(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'DatabaseClosedError';
}

// A valibot schema carries each problem as its issue message: the code (`backup.expect.*`,
// `anchor.expect.*`, also its message key), then its parameters as JSON after a space.
const SCHEMA_CODE = /^[\w-]+\.expect\.[\w-]+$/;

/** A valibot issue message standing for problem `code` with `params` (see {@link schemaProblem}). */
export const expectMessage = (code: string, params?: ProblemParams): string =>
  params ? `${code} ${JSON.stringify(params)}` : code;

/**
 * The problem a valibot issue message written by {@link expectMessage} stands for, at `path`;
 * null for a message that is not one (a schema that words its own).
 */
export function schemaProblem(message: string, path: string): Problem | null {
  const space = message.indexOf(' ');
  const code = space === -1 ? message : message.slice(0, space);
  if (!SCHEMA_CODE.test(code)) return null;
  const params = space === -1 ? undefined : (JSON.parse(message.slice(space + 1)) as ProblemParams);
  return problem(code, params, path || undefined);
}
