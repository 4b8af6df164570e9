import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName, slugify } from '../../../lib/export';

// A local date: the file name carries the day the user exported on, in their time zone.
const now = new Date(2026, 10, 22, 23, 59, 30);

describe('exportFileName', () => {
  it.each([
    [
      'Q4 running shoes',
      'touchpoints',
      'csv',
      'touchpoint-auditor_q4-running-shoes_touchpoints_2026-11-22.csv',
    ],
    [
      'Q4 running shoes',
      'comparison',
      '.csv',
      'touchpoint-auditor_q4-running-shoes_comparison_2026-11-22.csv',
    ],
    [
      'Q4 running shoes',
      'backup',
      'json',
      'touchpoint-auditor_q4-running-shoes_backup_2026-11-22.json',
    ],
  ] as const)('%s / %s / %s', (name, kind, ext, expected) => {
    expect(exportFileName(name, kind, now, ext)).toBe(expected);
  });

  it('names the wave a file holds alone after its kind, made safe like the study name', () => {
    expect(
      exportFileName('Q4 running shoes', 'comparison', now, 'csv', '2026 Q4 / Black Friday'),
    ).toBe('touchpoint-auditor_q4-running-shoes_comparison_2026-q4-black-friday_2026-11-22.csv');
  });

  it('pads month and day', () => {
    expect(exportFileName('x', 'backup', new Date(2027, 0, 5, 0, 0), 'json')).toBe(
      'touchpoint-auditor_x_backup_2027-01-05.json',
    );
  });
});

describe('slugify', () => {
  it.each([
    ['Q4 running shoes', 'q4-running-shoes'],
    ['Đánh giá Q4/2026: Giày chạy', 'đánh-giá-q4-2026-giày-chạy'],
    ['Кроссовки: весна*2026?', 'кроссовки-весна-2026'],
    ['Ļoti labi | Rīga', 'ļoti-labi-rīga'],
    ['Sapatos na pantakbo <bago>', 'sapatos-na-pantakbo-bago'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'c-windows-system32'],
    ['a_b.c', 'a-b-c'],
    ['trailing dots...', 'trailing-dots'],
    ['tab\tand\nnewline\u0000nul', 'tab-and-newline-nul'],
    ['bidi \u202Eevil\u202C name', 'bidi-evil-name'],
    ['shoes 👟 2026', 'shoes-2026'],
    ['Gia\u0300y (NFD)', 'giày-nfd'],
    ['', 'study'],
    ['   ', 'study'],
    ['***', 'study'],
    ['x'.repeat(100), 'x'.repeat(60)],
    [`${'a'.repeat(59)} b`, 'a'.repeat(59)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('property: any name gives a file name every OS accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const file = exportFileName(name, 'touchpoints', now, 'csv');
        expect(file).toMatch(/^touchpoint-auditor_[^_]+_touchpoints_2026-11-22\.csv$/);
        // Windows and POSIX reserved characters, controls (C0, DEL, C1), bidi marks/overrides.
        expect(file).not.toMatch(/[<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(Array.from(file).some((ch) => /\p{Cc}/u.test(ch))).toBe(false);
        expect(Array.from(slugify(name)).length).toBeLessThanOrEqual(60);
        expect(slugify(name)).toBe(slugify(name).normalize('NFC'));
      }),
    );
  });
});
