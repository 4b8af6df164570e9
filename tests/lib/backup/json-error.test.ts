import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonError, type JsonSyntaxIssue } from '../../../lib/backup/json-error';
import { describeProblem } from '../../../lib/i18n';

/** The reason as the report page words it, after `not valid JSON at line …, column …: `. */
function reasonOf({ code, params }: JsonSyntaxIssue): string {
  const prefix = 'not valid JSON at line 1, column 1: ';
  const text = describeProblem({ code, params: { ...params, line: 1, column: 1 } });
  expect(text.startsWith(prefix)).toBe(true);
  return text.slice(prefix.length);
}

describe('findJsonError', () => {
  it.each([
    ['{}'],
    ['[]'],
    [' {"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n\\"y"]} \n'],
    ['"top-level string"'],
    ['0'],
  ])('accepts %j', (text) => {
    expect(findJsonError(text)).toBeNull();
  });

  it.each([
    // [text, position, truncated, reason]
    ['', 0, true, 'unexpected end'],
    ['{"a": 1', 7, true, 'unexpected end'],
    ['{"a": "abc', 10, true, 'unterminated string'],
    ['{"a": tr', 8, true, 'unexpected end'],
    ['[1.', 3, true, 'unexpected end'],
    ['[2e+', 4, true, 'unexpected end'],
    ['[-', 2, true, 'unexpected end'],
    ['["\\u12', 6, true, 'unterminated string'],
    ['["a\\', 4, true, 'unterminated string'],
    ['{\n  "format": nope\n}', 14, false, 'unexpected "n"'],
    ['{"a" 1}', 5, false, 'expected ":", found "1"'],
    ['{"a": 1 "b": 2}', 8, false, 'expected "," or "}", found "\\""'],
    ['{a: 1}', 1, false, 'expected a property name in double quotes, found "a"'],
    ['[1,]', 3, false, 'unexpected "]"'],
    ['{"a":1}x', 7, false, 'unexpected text after the end of the data'],
    ['["a\tb"]', 3, false, 'control character inside a string'],
    ['["\\x"]', 2, false, 'invalid escape in a string'],
    ['[01]', 2, false, 'expected "," or "]", found "1"'],
    ['["a"].', 5, false, 'unexpected text after the end of the data'],
  ])('%j fails at %i (truncated %s): %s', (text, position, truncated, reason) => {
    const found = findJsonError(text);
    expect(found && { position: found.position, truncated: found.truncated }).toEqual({
      position,
      truncated,
    });
    expect(found && reasonOf(found)).toBe(reason);
  });

  it('does not overflow on deep nesting', () => {
    expect(findJsonError('['.repeat(200_000))).toMatchObject({ truncated: true });
    expect(findJsonError(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeNull();
  });

  it('property: agrees with JSON.parse on JSON-like noise', () => {
    const chars = fc.constantFrom(...'{}[],:" \n1-.e+0tfnrulas\\u'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 24 }), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(findJsonError(text) === null).toBe(parses);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: every cut of a valid document is reported as truncated', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.nat(), (value, pretty, cut) => {
        const text = JSON.stringify({ value }, null, pretty ? 2 : undefined);
        expect(findJsonError(text)).toBeNull();
        const at = 1 + (cut % (text.length - 1));
        expect(findJsonError(text.slice(0, at))).toMatchObject({ truncated: true, position: at });
      }),
    );
  });
});
