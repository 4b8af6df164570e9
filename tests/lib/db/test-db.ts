import { createStudy, startAudit, type AuditorDb } from '../../../lib/db';
import type { Audit, Study } from '../../../lib/model';

/** Closes a test's database and deletes it, for `afterEach`. */
export async function dropDb(db: AuditorDb): Promise<void> {
  db.close();
  await db.delete();
}

/**
 * The smallest study the tests build on: one brand `b`, wave `W1`, the default rubric
 * (seeded beforehand), and a running audit of it by `shopper` (Ana unless said).
 */
export async function runningAudit(
  db: AuditorDb,
  now: Date,
  { shopper = 'Ana', scenario = '' }: { shopper?: string; scenario?: string } = {},
): Promise<{ study: Study; audit: Audit }> {
  const study = await createStudy(
    db,
    { name: 'S', wave: 'W1', rubricId: 'default', rubricVersion: 1, brandIds: ['b'] },
    now,
  );
  const audit = await startAudit(db, { studyId: study.id, brandId: 'b', shopper, scenario }, now);
  return { study, audit };
}
