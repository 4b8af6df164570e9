/** Why an expected failure happened, in a form both code and people can use. */
export interface Failure {
  /** Stable code, e.g. `invalid-message`, `no-active-audit`, `not-found`. */
  code: string;
  /** English explanation for logs; the UI shows its own translated text by `code`. */
  message: string;
}

/** An expected outcome: a value, or a failure the caller handles (never a thrown string). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** Wraps a value as a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps a failure. */
export const fail = <T = never>(code: string, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
