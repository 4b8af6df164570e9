import { describe, expect, it } from 'vitest';
import { MAX_RECORDS, validateBackup } from '../../../lib/backup';
import { SVG } from '../../fixtures/images';
import { mutated, push, set } from './edit';
import { NOW, sampleBackup } from './fixtures';
import { said, saidResult } from './said';

const HUGE = Number.MAX_SAFE_INTEGER;

/** `{ "a": { "a": … } }`, `depth` levels deep, as JSON text (built without recursion). */
const deepJson = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** The sample backup with an anchor carrying a `depth`-level extra field, as text. */
function withDeepAnchor(depth: number): string {
  const text = mutated(set('touchpoints[2].anchor.extra', '__DEEP__'));
  return text.replace('"__DEEP__"', deepJson(depth));
}

describe('validateBackup keeps files within the limits, saying where', () => {
  it.each<[string, string, string, RegExp]>([
    [
      'SVG evidence (declared)',
      mutated(set('evidence[0].mime', 'image/svg+xml'), set('evidence[0].dataBase64', SVG)),
      'evidence[0].mime',
      /expected an image type \("image\/jpeg", "image\/png", "image\/webp"\)/,
    ],
    [
      'HTML evidence (declared)',
      mutated(set('evidence[1].mime', 'text/html')),
      'evidence[1].mime',
      /expected an image type/,
    ],
    [
      'a ±(2^53 − 1) scale',
      mutated(set('rubrics[1].scale', { min: -HUGE, max: HUGE })),
      'rubrics[1].scale',
      /within -1,000…1,000 spanning at most 100 steps/,
    ],
    [
      'a 0–101 scale',
      mutated(set('rubrics[1].scale', { min: 0, max: 101 })),
      'rubrics[1].scale',
      /at most 100 steps/,
    ],
    [
      'a 20,000-level extra field in an anchor',
      withDeepAnchor(20_000),
      'touchpoints[2].anchor.extra',
      /^unknown field: an anchor holds only the fields the extension writes$/,
    ],
    [
      'an extra field in an anchor rectangle',
      mutated(set('touchpoints[2].anchor.rect.z', 1)),
      'touchpoints[2].anchor.rect.z',
      /^unknown field/,
    ],
    [
      'a 100,000-character selector',
      mutated(set('touchpoints[2].anchor.css', 'a'.repeat(100_000))),
      'touchpoints[2].anchor.css',
      /at most 8,000 characters/,
    ],
    [
      'a frame path 65 frames deep',
      mutated(set('touchpoints[2].anchor.framePath', new Array(65).fill('iframe'))),
      'touchpoints[2].anchor.framePath',
      /at most 64 items/,
    ],
    [
      'notes of 100,001 characters',
      mutated(set('touchpoints[0].notes', 'x'.repeat(100_001))),
      'touchpoints[0].notes',
      /at most 100,000 characters/,
    ],
    [
      '1,001 domains on a brand',
      mutated(set('brands[0].domains', new Array(1001).fill('a.example'))),
      'brands[0].domains',
      /at most 1,000 items/,
    ],
  ])('%s', (_name, text, path, message) => {
    const result = validateBackup(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(said(result.error).path).toBe(path);
      expect(said(result.error).message).toMatch(message);
    }
  });

  it(`refuses more than ${MAX_RECORDS.studies} studies`, () => {
    const b = sampleBackup();
    const many = Array.from({ length: MAX_RECORDS.studies + 1 }, (_, i) => ({
      ...b.studies[0]!,
      id: `s${i}`,
    }));
    const result = validateBackup(JSON.stringify({ ...b, studies: many }));
    expect(saidResult(result)).toEqual({
      ok: false,
      error: {
        path: 'studies',
        message: `expected a list of at most ${MAX_RECORDS.studies.toLocaleString('en')} items`,
      },
    });
  });

  it('accepts an anchor exactly as the tagger writes it', () => {
    expect(
      validateBackup(
        mutated(push('touchpoints', 'touchpoints[2]'), set('touchpoints[3].id', 'tp-4')),
      ).ok,
    ).toBe(true);
  });
});

describe('validateBackup refuses times from the future when given the clock', () => {
  const now = NOW; // 2026-11-23T08:00:00.000Z
  it.each<[string, string, string]>([
    ['touchpoints[2].updatedAt', '9999-12-31T23:59:59.000Z', 'a touchpoint updated in 9999'],
    ['touchpoints[1].createdAt', '2026-11-23T08:05:01.000Z', 'a touchpoint 5 min 1 s ahead'],
    ['audits[0].endedAt', '2030-01-01T00:00:00.000Z', 'an audit ending in 2030'],
    ['studies[0].updatedAt', '9999-12-31T00:00:00+14:00', 'a study, with an offset'],
    ['evidence[0].capturedAt', '2100-01-01T00:00:00.000Z', 'evidence captured in 2100'],
    ['exportedAt', '9999-12-31T00:00:00.000Z', 'the file itself'],
  ])('%s (%s)', (path, time) => {
    const result = validateBackup(mutated(set(path, time)), undefined, { now });
    expect(saidResult(result)).toEqual({
      ok: false,
      error: {
        path,
        message: expect.stringMatching(
          new RegExp(`^${time.replace(/[.+]/g, '\\$&')} is in the future`),
        ),
      },
    });
  });

  it('takes times up to 5 minutes ahead (clocks drift)', () => {
    const text = mutated(set('touchpoints[2].updatedAt', '2026-11-23T08:05:00.000Z'));
    expect(validateBackup(text, undefined, { now }).ok).toBe(true);
  });
});
