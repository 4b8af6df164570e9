import type { Audit, Study } from './types';

// Records written before waves, review and calibration existed (database version 2, backup
// version 1) lack their fields. These fill them in place, the same way for both.

/** A study before waves: its one wave is the only one; review is not required. */
export function upgradeStudy(study: Study): void {
  study.waves ??= [study.wave];
  study.requireReview ??= false;
}

/**
 * An audit before waves: it lands in its study's wave (empty when the study is unknown), as a
 * real audit, `submitted` once it has ended and `in_progress` while it runs.
 */
export function upgradeAudit(audit: Audit, studyWave: string | undefined): void {
  audit.wave ??= studyWave ?? '';
  audit.purpose ??= 'audit';
  audit.review ??= audit.endedAt === null ? 'in_progress' : 'submitted';
}
