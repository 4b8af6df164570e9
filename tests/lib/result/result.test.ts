import { describe, expect, it } from 'vitest';
import { caught, fail, ok, problem, problemsAt, refuse } from '../../../lib/result';

describe('lib/result', () => {
  it.each([
    ['ok', ok(3), { ok: true, value: 3 }],
    [
      'fail with a code',
      fail('no-active-audit'),
      { ok: false, error: { code: 'no-active-audit' } },
    ],
    [
      'fail with an English detail for logs',
      fail('unreachable', 'the page did not answer'),
      { ok: false, error: { code: 'unreachable', params: { detail: 'the page did not answer' } } },
    ],
    [
      'fail with parameters',
      fail('invalid-domain', { domain: 'x' }),
      { ok: false, error: { code: 'invalid-domain', params: { domain: 'x' } } },
    ],
    [
      'refuse with several problems',
      refuse([problem('required', undefined, 'name'), problem('no-brands', {}, 'brands')]),
      {
        ok: false,
        error: [
          { code: 'required', path: 'name' },
          { code: 'no-brands', path: 'brands' },
        ],
      },
    ],
  ])('%s', (_what, result, expected) => {
    expect(result).toEqual(expected);
  });

  it('finds the problems at one field', () => {
    const problems = [problem('a', undefined, 'name'), problem('b', undefined, 'role')];
    expect(problemsAt(problems, 'role')).toEqual([{ code: 'b', path: 'role' }]);
  });

  it.each([
    ['past the quota', new DOMException('Quota exceeded', 'QuotaExceededError')],
    // Chromium 156 on a really full disk (a profile on a full tmpfs), raw and as Dexie wraps it.
    ['an image on a full disk', new DOMException('Failed to write blobs (IOError)', 'DataError')],
    [
      'a record on a full disk',
      Object.assign(new Error('UnknownError'), {
        name: 'UnknownError',
        inner: new DOMException(
          'Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
          'UnknownError',
        ),
      }),
    ],
  ])('says the disk is full for %s', (_case, error) => {
    expect(caught(error)).toEqual({ code: 'storage-full' });
  });

  it.each([
    [new Error('QuotaExceededError'), 'QuotaExceededError'],
    [
      new DOMException('Data provided does not meet requirements', 'DataError'),
      'Data provided does not meet requirements',
    ],
    ['a thrown string', 'a thrown string'],
  ])('turns a thrown %s into an unexpected problem', (error, detail) => {
    expect(caught(error)).toEqual({ code: 'unexpected', params: { detail } });
  });
});
