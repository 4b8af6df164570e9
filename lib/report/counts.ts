import type { Audit, Study } from '../model';

/**
 * Whether an audit's touchpoints count in its study's figures (the report, the popup's counts,
 * every CSV): a live real audit — calibration work never counts — and, when the study requires
 * review, an approved one.
 */
export function auditCounts(
  audit: Audit | undefined,
  study: Pick<Study, 'requireReview'> | undefined,
): audit is Audit {
  return (
    !!audit &&
    !audit.deleted &&
    audit.purpose !== 'calibration' &&
    (!study?.requireReview || audit.review === 'approved')
  );
}
