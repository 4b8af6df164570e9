import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBackup, validateBackup, type BackupEvidence } from '../../../lib/backup';
import { evidence, NOW, sampleData } from './fixtures';

describe('toBackup', () => {
  it('stamps format, version and exportedAt', () => {
    const b = toBackup(sampleData(), NOW);
    expect([b.format, b.version, b.exportedAt]).toEqual([
      'touchpoint-auditor-backup',
      2,
      '2026-11-23T08:00:00.000Z',
    ]);
    expect(Object.keys(b)).toEqual([
      'format',
      'version',
      'exportedAt',
      'studies',
      'brands',
      'rubrics',
      'categories',
      'audits',
      'touchpoints',
      'evidence',
    ]);
  });

  it('never writes a Blob that slipped through', () => {
    const withBlob = { ...evidence('e', 'tp-1'), blob: new Blob(['x']) } as BackupEvidence;
    const b = toBackup({ ...sampleData(), evidence: [withBlob] }, NOW);
    expect(b.evidence[0]).toEqual(evidence('e', 'tp-1'));
  });

  it('export → JSON → validate gives the same data back, tombstones included', () => {
    const data = sampleData();
    const result = validateBackup(JSON.stringify(toBackup(data, NOW)));
    expect(result.ok && result.value).toEqual(toBackup(data, NOW));
    expect(result.ok && result.value.touchpoints[1]?.deleted).toBe(true);
  });

  it('property: any text in names and notes survives export and import', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (notes, name) => {
        const data = sampleData();
        data.touchpoints[0] = { ...data.touchpoints[0]!, notes };
        data.brands[0] = { ...data.brands[0]!, name };
        const result = validateBackup(JSON.stringify(toBackup(data, NOW)));
        expect(result.ok && result.value.touchpoints[0]?.notes).toBe(notes);
        expect(result.ok && result.value.brands[0]?.name).toBe(name);
      }),
    );
  });
});
