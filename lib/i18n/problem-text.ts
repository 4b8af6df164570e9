import type { Problem } from '../result';
import type { MessageKey } from './en';
import { isMessageKey, t } from './translate';

/**
 * The message of every problem code `lib` returns. The one place a code becomes text: lib
 * modules return codes with parameters, the UI shows `describeProblem(problem)`.
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
  'no-active-audit': 'tagger.noAudit',
  // Brands and studies (lib/studies).
  required: 'validation.required',
  'empty-domain': 'validation.required',
  'invalid-domain': 'validation.invalidDomain',
  'domain-taken': 'validation.domainTaken',
  'duplicate-domain': 'validation.duplicateDomain',
  'own-taken': 'validation.ownTaken',
  'two-own': 'validation.twoOwn',
  'no-brands': 'validation.noBrands',
  'no-rubric': 'validation.noRubric',
  'wave-taken': 'validation.waveTaken',
  // Rubrics (lib/rubric/validate.ts).
  'empty-id': 'rubric.issue.empty-id',
  'id-too-long': 'rubric.issue.id-too-long',
  'empty-name': 'rubric.issue.empty-name',
  'invalid-version': 'rubric.issue.invalid-version',
  'non-integer-scale': 'rubric.issue.non-integer-scale',
  'min-not-below-max': 'rubric.issue.min-not-below-max',
  'scale-out-of-bounds': 'rubric.issue.scale-out-of-bounds',
  'scale-too-many-steps': 'rubric.issue.scale-too-many-steps',
  'no-criteria': 'rubric.issue.no-criteria',
  'all-weights-zero': 'rubric.issue.all-weights-zero',
  'duplicate-id': 'rubric.issue.duplicate-id',
  'empty-label': 'rubric.issue.empty-label',
  'invalid-weight': 'rubric.issue.invalid-weight',
  'negative-weight': 'rubric.issue.negative-weight',
  'empty-applies-to': 'rubric.issue.empty-applies-to',
  // Shared rubric files (lib/rubric/share.ts).
  'share.expect.json': 'share.expect.json',
  'share.expect.id': 'share.expect.id',
  'share.expect.string': 'share.expect.string',
  'share.expect.integer': 'share.expect.integer',
  'share.expect.time': 'share.expect.time',
  'share.expect.weight': 'share.expect.weight',
  'share.expect.appliesTo': 'share.expect.appliesTo',
  'share.expect.boolean': 'share.expect.boolean',
  'share.expect.criterion': 'share.expect.criterion',
  'share.expect.format': 'share.expect.format',
  'share.expect.version': 'share.expect.version',
  'share.expect.scale': 'share.expect.scale',
  'share.expect.list': 'share.expect.list',
  'share.expect.rubric': 'share.expect.rubric',
  // Custom categories (lib/rubric/category.ts).
  'category-empty-id': 'category.error.emptyId',
  'category-bad-id': 'category.error.badId',
  'category-id-too-long': 'category.error.idTooLong',
  'category-seeded-id': 'category.error.seededId',
  'category-duplicate-id': 'category.error.duplicateId',
  'category-empty-label': 'category.error.emptyLabel',
  'category-bad-stage': 'category.error.badStage',
};

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
  return t(key, problem.params);
}

/** A problem in a file, prefixed with where it is: `criteria[2].weight: expected a number ≥ 0`. */
export function describeProblemAt(problem: Problem): string {
  const text = describeProblem(problem);
  return problem.path ? `${problem.path}: ${text}` : text;
}
