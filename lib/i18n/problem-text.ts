import type { Problem } from '../result';
import type { MessageKey } from './en';
import { t } from './translate';

/** Codes that are their own message keys. */
const sameKeys = <K extends MessageKey>(keys: readonly K[]): Record<K, K> =>
  Object.fromEntries(keys.map((key) => [key, key])) as Record<K, K>;

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
  // Backup files and evidence images (lib/backup): each code is its own message key.
  ...sameKeys([
    'backup.empty',
    'backup.json.truncated',
    'backup.json.engine',
    'backup.json.control-character',
    'backup.json.invalid-escape',
    'backup.json.unterminated-string',
    'backup.json.unexpected-end',
    'backup.json.trailing-text',
    'backup.json.expected-comma',
    'backup.json.expected-colon',
    'backup.json.expected-key',
    'backup.json.unexpected-character',
    'backup.not-an-object',
    'backup.wrong-format',
    'backup.no-format',
    'backup.newer-version',
    'backup.unsupported-version',
    'backup.no-version',
    'backup.missing-field',
    'backup.unknown-anchor-field',
    'backup.invalid',
    'backup.expect.id',
    'backup.expect.id-empty',
    'backup.expect.id-length',
    'backup.expect.time',
    'backup.expect.string',
    'backup.expect.string-length',
    'backup.expect.string-or-null',
    'backup.expect.boolean',
    'backup.expect.tombstone',
    'backup.expect.non-negative',
    'backup.expect.integer',
    'backup.expect.list',
    'backup.expect.list-length',
    'backup.expect.score',
    'backup.expect.rubric-version',
    'backup.expect.version',
    'backup.expect.role',
    'backup.expect.applies-to',
    'backup.expect.scale',
    'backup.expect.scale-order',
    'backup.expect.scale-bounds',
    'backup.expect.stage',
    'backup.expect.channel',
    'backup.expect.source',
    'backup.expect.scores',
    'backup.expect.scores-count',
    'backup.expect.mime',
    'backup.expect.base64',
    'backup.expect.base64-padded',
    'backup.expect.sha256',
    'backup.expect.format',
    'backup.expect.backup-version',
    'backup.expect.study',
    'backup.expect.brand',
    'backup.expect.criterion',
    'backup.expect.rubric',
    'backup.expect.audit',
    'backup.expect.touchpoint',
    'backup.expect.evidence',
    'backup.expect.backup',
    'backup.expect.number',
    'backup.expect.anchor',
    'backup.expect.rect',
    'backup.expect.anchor-kind',
    'backup.duplicate-id',
    'backup.duplicate-criterion',
    'backup.no-rubric',
    'backup.no-study',
    'backup.no-brand',
    'backup.no-audit',
    'backup.no-touchpoint',
    'backup.unknown-criterion',
    'backup.score-off-scale',
    'backup.future-time',
    'backup.image.too-large',
    'backup.image.not-an-image',
    'backup.image.too-many-pixels',
    'backup.image.undecodable',
    'backup.hash-recomputed',
  ]),
};

/** Whether a code has a message (a code without one shows as `problem.unknown`). */
export const isKnownProblemCode = (code: string): boolean => Object.hasOwn(MESSAGES, code);

/** A problem in the user's language, its parameters filled in. */
export function describeProblem(problem: Problem): string {
  const key = MESSAGES[problem.code];
  if (!key) return t('problem.unknown', { code: problem.code });
  return t(key, problem.params);
}

/** A problem in a file, prefixed with where it is: `criteria[2].weight: expected a number ≥ 0`. */
export function describeProblemAt(problem: Problem): string {
  const text = describeProblem(problem);
  return problem.path ? `${problem.path}: ${text}` : text;
}
