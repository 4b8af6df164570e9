import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownProblemCode } from '../../../lib/i18n';

const dir = join(__dirname, '../../../lib/backup');
// A backup's anchors are read with the anchor's own schema, whose codes are `anchor.expect.*`.
const anchorSchema = join(__dirname, '../../../lib/model/anchor-schema.ts');
const codes = [
  ...new Set([
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').match(/'backup\.[\w.-]+'/g) ?? [])
      .map((quoted) => quoted.slice(1, -1)),
    ...(readFileSync(anchorSchema, 'utf8').match(/'anchor\.expect\.[\w.-]+'/g) ?? []).map(
      (quoted) => quoted.slice(1, -1),
    ),
  ]),
];

describe('every problem code lib/backup returns has a message', () => {
  it('finds the codes', () => {
    expect(codes.length).toBeGreaterThan(50);
  });

  it.each(codes)('%s', (code) => {
    expect(isKnownProblemCode(code)).toBe(true);
  });
});
