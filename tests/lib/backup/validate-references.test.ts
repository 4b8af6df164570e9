import { describe, expect, it } from 'vitest';
import { validateBackup, type ExistingRefs } from '../../../lib/backup';
import { base64OfSize, MB, mutated, push, set } from './edit';
import { saidResult, type Said } from './said';

describe('validateBackup refuses broken references and scores, saying where and what', () => {
  const cases: [string, string, Said, ExistingRefs?][] = [
    [
      'a duplicate id',
      mutated(push('touchpoints', 'touchpoints[0]')),
      { path: 'touchpoints[3].id', message: 'duplicate id "tp-1" (also at touchpoints[0])' },
    ],
    [
      'a duplicate criterion',
      mutated(push('rubrics[1].criteria', 'rubrics[1].criteria[0]')),
      { path: 'rubrics[1].criteria[2].id', message: 'duplicate criterion id "speed"' },
    ],
    [
      'a study on a missing rubric version',
      mutated(set('studies[0].rubricVersion', 2)),
      {
        path: 'studies[0].rubricId',
        message: 'rubric "default" version 2 is neither in this backup nor in the extension',
      },
    ],
    [
      'a study naming a missing brand',
      mutated(push('studies[1].brandIds', { value: 'b-x' })),
      {
        path: 'studies[1].brandIds[1]',
        message: 'brand "b-x" is neither in this backup nor in the extension',
      },
    ],
    [
      'an audit of a missing study',
      mutated(set('audits[1].studyId', 'nope')),
      {
        path: 'audits[1].studyId',
        message: 'study "nope" is neither in this backup nor in the extension',
      },
    ],
    [
      'an audit of a missing brand',
      mutated(set('audits[0].brandId', 'nope')),
      {
        path: 'audits[0].brandId',
        message: 'brand "nope" is neither in this backup nor in the extension',
      },
    ],
    [
      'a touchpoint of a missing audit',
      mutated(set('touchpoints[2].auditId', 'nope')),
      {
        path: 'touchpoints[2].auditId',
        message: 'audit "nope" is neither in this backup nor in the extension',
      },
      { auditIds: ['other'] },
    ],
    [
      'evidence of a missing touchpoint',
      mutated(set('evidence[1].touchpointId', 'nope')),
      {
        path: 'evidence[1].touchpointId',
        message: 'touchpoint "nope" is neither in this backup nor in the extension',
      },
    ],
    [
      'a score above the scale',
      mutated(set('touchpoints[0].scores.speed', 7)),
      { path: 'touchpoints[0].scores.speed', message: 'expected an integer 1–5 or "NA"' },
    ],
    [
      'a score below the scale',
      mutated(set('touchpoints[0].scores.speed', 0)),
      { path: 'touchpoints[0].scores.speed', message: 'expected an integer 1–5 or "NA"' },
    ],
    [
      'a fractional score',
      mutated(set('touchpoints[0].scores.speed', 2.5)),
      { path: 'touchpoints[0].scores.speed', message: 'expected an integer 1–5 or "NA"' },
    ],
    [
      'a score as text',
      mutated(set('touchpoints[0].scores.speed', 'n/a')),
      { path: 'touchpoints[0].scores.speed', message: 'expected an integer 1–5 or "NA"' },
    ],
    // Study B's rubric is 0–10: 10 is fine there, 11 is not; 0 is fine there, not in study A.
    [
      "a score above its own study's scale",
      mutated(set('touchpoints[2].scores.speed', 11)),
      { path: 'touchpoints[2].scores.speed', message: 'expected an integer 0–10 or "NA"' },
    ],
    [
      'an unknown criterion',
      mutated(set('touchpoints[0].scores.speedy', 3)),
      {
        path: 'touchpoints[0].scores.speedy',
        message: '"speedy" is not a criterion of rubric "default" version 1',
      },
    ],
    [
      'a criterion of another rubric',
      mutated(set('touchpoints[2].scores.clarity', 3)),
      {
        path: 'touchpoints[2].scores.clarity',
        message: '"clarity" is not a criterion of rubric "ten" version 3',
      },
    ],
    [
      'an odd criterion key',
      mutated(set(['touchpoints', 0, 'scores', 'a b'], 3)),
      {
        path: 'touchpoints[0].scores["a b"]',
        message: '"a b" is not a criterion of rubric "default" version 1',
      },
    ],
    [
      "a score of a stored audit, checked on its stored study's scale",
      mutated(
        set('touchpoints[0].auditId', 'stored'),
        set('touchpoints[0].scores', { care: 4, speed: 12 }),
      ),
      { path: 'touchpoints[0].scores.speed', message: 'expected an integer 0–10 or "NA"' },
      { auditIds: ['stored'], auditStudyIds: { stored: 'study-b' } },
    ],
    [
      'a score of a stored audit whose scale is unknown',
      mutated(
        set('touchpoints[0].auditId', 'stored'),
        set('touchpoints[0].scores', { speed: 2.5 }),
      ),
      { path: 'touchpoints[0].scores.speed', message: 'expected an integer or "NA"' },
      { auditIds: ['stored'] },
    ],
    [
      'evidence over the configured limit',
      mutated(set('evidence[1].dataBase64', base64OfSize(1.5 * MB + 1))),
      {
        path: 'evidence[1].dataBase64',
        message: 'the image is 1.5 MB, larger than the 1 MB limit per item',
      },
    ],
  ];

  it.each(cases)('%s', (_name, text, error, existing) => {
    const opts = _name.includes('configured') ? { maxEvidenceBytes: MB } : undefined;
    expect(saidResult(validateBackup(text, existing, opts))).toEqual({ ok: false, error });
  });

  it("50 MB evidence: over the default 25 MB limit (the popup's too)", () => {
    const text = mutated(set('evidence[0].dataBase64', base64OfSize(50 * MB)));
    expect(saidResult(validateBackup(text))).toEqual({
      ok: false,
      error: {
        path: 'evidence[0].dataBase64',
        message: 'the image is 50 MB, larger than the 25 MB limit per item',
      },
    });
    // Exactly at the limit is accepted.
    expect(validateBackup(mutated(set('evidence[0].dataBase64', base64OfSize(25 * MB)))).ok).toBe(
      true,
    );
  });
});
