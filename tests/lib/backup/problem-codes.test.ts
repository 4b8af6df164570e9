import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownProblemCode } from '../../../lib/i18n';

const dir = join(__dirname, '../../../lib/backup');
const codes = [
  ...new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').match(/'backup\.[\w.-]+'/g) ?? [])
      .map((quoted) => quoted.slice(1, -1)),
  ),
];

describe('every problem code lib/backup returns has a message', () => {
  it('finds the codes', () => {
    expect(codes.length).toBeGreaterThan(50);
  });

  it.each(codes)('%s', (code) => {
    expect(isKnownProblemCode(code)).toBe(true);
  });
});
