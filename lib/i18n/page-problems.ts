import type { ReviewState } from '../model';
import type { MessageKey } from './en';
import { reviewStateLabel } from './page-labels';
import { isMessageKey, t } from './translate';

/**
 * The message keys of the problem codes only the extension's pages meet (brand and study
 * forms, the rubric editor, custom categories); `lib/i18n/index.ts` adds them to
 * `describeProblem`'s table. Codes that are message keys themselves (`share.expect.*`,
 * `backup.*`, `anchor.expect.*`) need no row.
 */
export const pageProblemMessages: Record<string, MessageKey> = {
  // An import that met a full disk (lib/backup/import-marker.ts).
  'import-storage-full': 'report.import.storageFull',
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
  // Custom categories (lib/rubric/category.ts).
  'category-empty-id': 'category.error.emptyId',
  'category-bad-id': 'category.error.badId',
  'category-id-too-long': 'category.error.idTooLong',
  'category-seeded-id': 'category.error.seededId',
  'category-duplicate-id': 'category.error.duplicateId',
  'category-empty-label': 'category.error.emptyLabel',
  'category-bad-stage': 'category.error.badStage',
};

/** A code put into a message as a parameter, in words: its key's text, or the code itself. */
const wordFor = (prefix: string, code: string | number | undefined): string => {
  const key = `${prefix}.${String(code)}`;
  return isMessageKey(key) ? t(key) : String(code ?? '');
};

/** Problems whose parameters are codes (an action, a state, a kind of file), shown in words. */
export const pageProblemParams: Record<
  string,
  (params: Record<string, string | number>) => Record<string, string | number>
> = {
  'review.not-allowed': ({ action, state }) => ({
    action: wordFor('review.action', action),
    state: reviewStateLabel(String(state) as ReviewState),
  }),
  'backup.attachment-left-out': ({ type }) => ({ type: wordFor('backup.attachmentType', type) }),
};
