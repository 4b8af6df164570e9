import type { Problem } from '../result';
import type { MessageKey } from './en';
import { isMessageKey, t } from './translate';

/**
 * The message of each problem code `lib` returns: the one place a code becomes text (lib
 * modules return codes with parameters, the UI shows `describeProblem(problem)`). These are
 * the codes the tagger can meet; the pages add theirs (`addProblemMessages`), so the content
 * script carries only this part.
 */
const MESSAGES: Record<string, MessageKey> = {
  // Anywhere: an exception nobody expected (see `caught`).
  unexpected: 'problem.unexpected',
  'not-found': 'problem.not-found',
  // Messaging (lib/messaging, lib/background): the tagger shows these.
  'invalid-message': 'problem.invalid-message',
  'forbidden-sender': 'problem.forbidden-sender',
  internal: 'problem.internal',
  unreachable: 'problem.unreachable',
  'storage-full': 'problem.storageFull',
  'background-stopped': 'problem.backgroundStopped',
  'app-updated': 'problem.appUpdated',
  'no-active-audit': 'tagger.noAudit',
};

/** How a code's parameters are shown, when some are codes themselves (a review state…). */
const PARAMS: Record<string, (params: Record<string, string | number>) => typeof params> = {};

/** Adds the parameter wording of codes whose parameters are codes (see `PARAMS`). */
export function addProblemParams(more: typeof PARAMS): void {
  Object.assign(PARAMS, more);
}

/** Adds the message keys of the codes a surface meets (the pages: forms, rubrics, files). */
export function addProblemMessages(more: Record<string, MessageKey>): void {
  Object.assign(MESSAGES, more);
}

/** Whether a code has a message (a code without one shows as `problem.unknown`). */
export const isKnownProblemCode = (code: string): boolean => keyOf(code) !== undefined;

/**
 * A code's message key: from the table above, or the code itself when it is a key of this
 * surface's texts (the backup file's `backup.*` codes and an anchor's `anchor.expect.*` are). Pages carry those texts; the
 * content script carries only the core ones, so the table stays small there.
 */
function keyOf(code: string): MessageKey | undefined {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : isMessageKey(code) ? code : undefined;
}

/** A problem in the user's language, its parameters filled in. */
export function describeProblem(problem: Problem): string {
  const key = keyOf(problem.code);
  if (!key) return t('problem.unknown', { code: problem.code });
  const params = problem.params ?? {};
  return t(key, PARAMS[problem.code]?.(params) ?? params);
}

/** A problem in a file, prefixed with where it is: `criteria[2].weight: expected a number ≥ 0`. */
export function describeProblemAt(problem: Problem): string {
  const text = describeProblem(problem);
  return problem.path ? `${problem.path}: ${text}` : text;
}
