// A small but complete data set for backup tests: two studies on rubrics with different
// scales, brands, audits, touchpoints (one tombstone) and evidence.
import { createHash } from 'node:crypto';
import type { BackupData, BackupEvidence, Backup } from '../../../lib/backup';
import { toBackup } from '../../../lib/backup';
import type { Rubric } from '../../../lib/model';
import { audit, brands, rubric, study, T0, touchpoint } from '../export/fixtures';
import { JPEG_3X2, PNG_3X2 } from '../../fixtures/images';

export const NOW = new Date('2026-11-23T08:00:00.000Z');

/** Study B's rubric: scale 0–10. */
export const tenRubric: Rubric = {
  id: 'ten',
  version: 3,
  name: 'Zero to ten',
  scale: { min: 0, max: 10 },
  criteria: [
    { id: 'speed', label: 'Speed', help: '', weight: 1, appliesTo: 'all', critical: false },
    { id: 'care', label: 'Care', help: '', weight: 2, appliesTo: ['live_chat'], critical: true },
  ],
  createdAt: T0,
  updatedAt: T0,
};

/** Evidence with a real image (3 × 2 pixels) and its true type, size and SHA-256. */
export const evidence = (
  id: string,
  touchpointId: string,
  dataBase64 = PNG_3X2,
  mime: BackupEvidence['mime'] = 'image/png',
): BackupEvidence => ({
  id,
  touchpointId,
  mime,
  dataBase64,
  width: 3,
  height: 2,
  sha256: createHash('sha256').update(Buffer.from(dataBase64, 'base64')).digest('hex'),
  capturedAt: T0,
  url: 'https://shop.example/vn',
});

/** Everything, as a backup is made of. Study A = default rubric (1–5), study B = `ten` (0–10). */
export function sampleData(): BackupData {
  const studyB = {
    ...study,
    id: 'study-b',
    name: 'Ретеншн',
    rubricId: 'ten',
    rubricVersion: 3,
    brandIds: ['b-ru'],
  };
  return {
    studies: [study, studyB],
    brands,
    rubrics: [rubric, tenRubric],
    categories: [],
    audits: [
      audit('a-own', 'b-own', '2026-11-22T09:00:00.000Z'),
      audit('a-b', 'b-ru', '2026-11-22T09:00:00.000Z', {
        studyId: 'study-b',
        endedAt: '2026-11-22T10:00:00.000Z',
      }),
    ],
    touchpoints: [
      touchpoint('tp-1', 'a-own', T0, {
        scores: { speed: 5, clarity: 'NA' },
        notes: 'Trải nghiệm tuyệt vời',
      }),
      touchpoint('tp-2', 'a-own', T0, {
        source: 'manual',
        url: null,
        pageTitle: null,
        anchor: null,
        scores: {},
        notes: 'Ļoti laipns\n"ok"',
        deleted: true,
      }),
      touchpoint('tp-3', 'a-b', T0, {
        scores: { speed: 10, care: 0 },
        anchor: {
          css: 'iframe >>> #x',
          text: 'Доставка',
          prefix: 'a',
          suffix: 'b',
          kind: 'region',
          rect: { x: 0, y: 10.5, width: 100, height: 20 },
          framePath: ['iframe#chat'],
        },
      }),
    ],
    evidence: [evidence('ev-1', 'tp-1'), evidence('ev-3', 'tp-3', JPEG_3X2, 'image/jpeg')],
  };
}

/** A valid backup object to mutate in tests. */
export function sampleBackup(): Backup {
  return structuredClone(toBackup(sampleData(), NOW));
}
