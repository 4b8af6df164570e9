import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  parseBackup,
  toBackup,
  validateBackup,
  type Backup,
  type ExistingRefs,
} from '../../../lib/backup';
import { del, mutated, push, set, valid } from './edit';
import { NOW, sampleData, tenRubric } from './fixtures';
import { anchorSchema } from '../../../lib/model/anchor-schema';
import { schemaProblem } from '../../../lib/result';
import { said, saidResult, type Said } from './said';

describe('validateBackup accepts', () => {
  it('a backup made by toBackup, giving the same data back', () => {
    const result = validateBackup(valid);
    expect(result).toEqual({ ok: true, value: toBackup(sampleData(), NOW) });
  });

  it.each<[string, string, ExistingRefs | undefined]>([
    ['a leading BOM', `\uFEFF${valid}`, undefined],
    [
      'an id of exactly 200 characters',
      mutated(push('brands', 'brands[0]'), set('brands[0].id', 'x'.repeat(200))),
      undefined,
    ],
    [
      'a touchpoint of an audit the extension has',
      mutated(set('touchpoints[0].auditId', 'stored-audit')),
      { auditIds: ['stored-audit'] },
    ],
    [
      'an audit of a stored study and brand',
      mutated(set('audits[0].studyId', 's'), set('audits[0].brandId', 'br')),
      { studyIds: ['s'], brandIds: ['br'], studyWaves: { s: ['2026-Q4'] } },
    ],
    [
      'a study on a stored rubric',
      mutated((b) => (b.rubrics as unknown[]).splice(1)),
      { rubricKeys: ['ten@3'], rubrics: [tenRubric] },
    ],
    ['unknown fields (dropped)', mutated(set('touchpoints[0].future', 1)), undefined],
    [
      'an ISO time with an offset',
      mutated(set('touchpoints[0].createdAt', '2026-11-22T13:15:00+03:00')),
      undefined,
    ],
  ])('%s', (_name, text, existing) => {
    expect(validateBackup(text, existing).ok).toBe(true);
  });
});

describe('validateBackup refuses a file of the wrong shape, saying where and what', () => {
  const cases: [string, string, Said][] = [
    [
      'a truncated file',
      valid.slice(0, 120),
      {
        path: '',
        message: expect.stringMatching(
          /^not valid JSON: the file ends unexpectedly at line \d+, column \d+; it may be truncated$/,
        ) as unknown as string,
      },
    ],
    [
      'a syntax error',
      '{\n  "format": nope\n}',
      {
        path: '',
        message: expect.stringMatching(
          /^not valid JSON at line 2, column 13: /,
        ) as unknown as string,
      },
    ],
    [
      'not an object',
      '[1, 2]',
      { path: '', message: 'not a Touchpoint Auditor backup: expected a JSON object' },
    ],
    [
      'another format',
      mutated(set('format', 'excel-export')),
      {
        path: 'format',
        message:
          'not a Touchpoint Auditor backup (format is "excel-export", expected "touchpoint-auditor-backup")',
      },
    ],
    [
      'no format',
      mutated(del('format')),
      {
        path: 'format',
        message:
          'not a Touchpoint Auditor backup (format is missing, expected "touchpoint-auditor-backup")',
      },
    ],
    [
      'a newer version',
      mutated(set('version', 3)),
      {
        path: 'version',
        message: 'this backup was made by a newer version (3); update the extension',
      },
    ],
    [
      'a version as text',
      mutated(set('version', '1')),
      { path: 'version', message: 'unsupported backup version ("1"); expected 2' },
    ],
    [
      'a missing table',
      mutated(del('audits')),
      { path: 'audits', message: 'required field is missing' },
    ],
    [
      'a missing field',
      mutated(del('brands[1].role')),
      { path: 'brands[1].role', message: 'required field is missing' },
    ],
    [
      'a bad role',
      mutated(set('brands[1].role', 'rival')),
      { path: 'brands[1].role', message: 'expected "own" or "competitor"' },
    ],
    [
      'a bad source',
      mutated(set('touchpoints[0].source', 'email')),
      { path: 'touchpoints[0].source', message: 'expected "page" or "manual"' },
    ],
    [
      'an id too long',
      mutated(set('studies[1].id', 'x'.repeat(201))),
      { path: 'studies[1].id', message: 'expected an id of at most 200 characters' },
    ],
    [
      'an empty id',
      mutated(set('touchpoints[0].id', '')),
      { path: 'touchpoints[0].id', message: 'expected an id, not an empty string' },
    ],
    [
      'a numeric id',
      mutated(set('audits[0].id', 7)),
      {
        path: 'audits[0].id',
        message: 'expected an id (a non-empty string of up to 200 characters)',
      },
    ],
    [
      'a time that is not ISO',
      mutated(set('touchpoints[1].createdAt', 'yesterday')),
      {
        path: 'touchpoints[1].createdAt',
        message: 'expected an ISO 8601 time such as 2026-11-22T10:15:00.000Z',
      },
    ],
    [
      'a month 13',
      mutated(set('audits[1].endedAt', '2026-13-01T00:00:00Z')),
      {
        path: 'audits[1].endedAt',
        message: 'expected an ISO 8601 time such as 2026-11-22T10:15:00.000Z',
      },
    ],
    [
      'an anchor without rect',
      mutated(del('touchpoints[0].anchor.rect')),
      { path: 'touchpoints[0].anchor.rect', message: 'required field is missing' },
    ],
    [
      'a frame path that is text',
      mutated(set('touchpoints[2].anchor.framePath', 'iframe')),
      { path: 'touchpoints[2].anchor.framePath', message: 'expected a list' },
    ],
    [
      'a score that is an object',
      mutated(set('touchpoints[0].scores.speed', {})),
      { path: 'touchpoints[0].scores.speed', message: 'expected an integer or "NA"' },
    ],
    [
      'a rubric whose max is not above min',
      mutated(set('rubrics[1].scale', { min: 5, max: 5 })),
      { path: 'rubrics[1].scale', message: 'expected a scale whose max is greater than its min' },
    ],
    [
      'bad base64',
      mutated(set('evidence[0].dataBase64', 'not base64!')),
      {
        path: 'evidence[0].dataBase64',
        message: 'expected base64-encoded image data (standard alphabet, padded)',
      },
    ],
    [
      'a bad sha256',
      mutated(set('evidence[1].sha256', 'abc')),
      { path: 'evidence[1].sha256', message: 'expected a SHA-256 as 64 hexadecimal digits' },
    ],
  ];

  it.each(cases)('%s', (_name, text, error) => {
    expect(saidResult(validateBackup(text))).toEqual({ ok: false, error });
  });

  it("parseBackup checks shape only: references are validateBackup's job", () => {
    const text = mutated(set('touchpoints[0].auditId', 'nope'));
    expect(parseBackup(text).ok).toBe(true);
    expect(validateBackup(text).ok).toBe(false);
  });

  it('types the value it returns', () => {
    const result = validateBackup(valid);
    const value: Backup | undefined = result.ok ? result.value : undefined;
    expect(value?.touchpoints.map((t) => t.id)).toEqual(['tp-1', 'tp-2', 'tp-3']);
  });
});

describe("an anchor's problems read as the anchor's schema words them", () => {
  const anchor = (JSON.parse(valid) as Backup).touchpoints[2]!.anchor!;
  it.each<[string, string, unknown]>([
    ['a selector that is a number', 'css', 5],
    ['a selector of 8,001 characters', 'css', 'a'.repeat(8001)],
    ['a frame that is a number', 'framePath', [5]],
    ['a frame path that is text', 'framePath', 'iframe'],
    ['65 frames', 'framePath', new Array(65).fill('iframe')],
    ['a rectangle that is a number', 'rect', 5],
    ['a coordinate that is text', 'rect', { ...anchor.rect, x: 'left' }],
    ['an unknown kind', 'kind', 'blob'],
  ])('%s', (_name, field, value) => {
    const own = v.safeParse(anchorSchema, { ...anchor, [field]: value });
    const result = validateBackup(mutated(set(`touchpoints[2].anchor.${field}`, value)));
    expect(own.success || result.ok).toBe(false);
    if (own.success || result.ok) return;
    expect(result.error.code).not.toBe('backup.invalid');
    expect(said(result.error).message).toBe(
      said(schemaProblem(own.issues[0].message, '')!).message,
    );
  });

  it('an anchor that is a number', () => {
    const result = validateBackup(mutated(set('touchpoints[2].anchor', 5)));
    expect(saidResult(result)).toEqual({
      ok: false,
      error: { path: 'touchpoints[2].anchor', message: 'expected an anchor object or null' },
    });
  });
});
