/** Why a JSON text is not valid JSON: a problem code (`backup.json.*`). */
export type JsonSyntaxCode =
  | 'backup.json.control-character'
  | 'backup.json.invalid-escape'
  | 'backup.json.unterminated-string'
  | 'backup.json.unexpected-end'
  | 'backup.json.trailing-text'
  | 'backup.json.expected-comma'
  | 'backup.json.expected-colon'
  | 'backup.json.expected-key'
  | 'backup.json.unexpected-character';

/** Where a JSON text stops being valid JSON, and why. */
export interface JsonSyntaxIssue {
  /** Offset (UTF-16 code units) of the first wrong character; the text's length if it ends early. */
  position: number;
  /** What was wrong there, e.g. `backup.json.expected-comma`. */
  code: JsonSyntaxCode;
  /** The characters involved, JSON-quoted: `found` (`"x"`), `closer` (`"}"`). */
  params?: Record<string, string>;
  /** The text ended before the JSON did (a truncated file). */
  truncated: boolean;
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'after';

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
/** A value cut short by the end of the text: `tr`, `nul`, `-`. */
const LITERAL_START = /^(?:t|tr|tru|f|fa|fal|fals|n|nu|nul|-)$/;
/** The end of the text right inside a number: `1.`, `2e`, `3E+`. */
const NUMBER_TAIL = /^(?:\.|[eE][+-]?)$/;
const ESCAPES = '"\\/bfnrt';
const HEX4 = /^[0-9a-fA-F]{4}$/;
const HEX_START = /^[0-9a-fA-F]{0,3}$/;

const show = (c: string): string => JSON.stringify(c);

/** Whether the text from `i` to its end is short and matches `pattern`. */
function restIs(text: string, i: number, pattern: RegExp): boolean {
  return text.length - i <= 5 && pattern.test(text.slice(i));
}

/**
 * Finds the first syntax error of a JSON text, the same way in every browser (engines word
 * and place their errors differently, and V8 sometimes gives no position at all). Iterative,
 * so deeply nested input cannot overflow the stack. Null when the text is valid JSON.
 */
export function findJsonError(text: string): JsonSyntaxIssue | null {
  const n = text.length;
  const closers: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  // Where the last number ended: the text may have been cut inside it (`1.`).
  let numberEnd = -1;
  const fail = (
    position: number,
    code: JsonSyntaxCode,
    params?: Record<string, string>,
  ): JsonSyntaxIssue => ({
    position,
    code,
    ...(params ? { params } : {}),
    truncated: position >= n,
  });
  /** Moves `i` past the string starting there; an error, or null. */
  const string = (): JsonSyntaxIssue | null => {
    for (i += 1; i < n;) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i += 1;
        return null;
      }
      if (c < 0x20) return fail(i, 'backup.json.control-character');
      if (c !== 92) {
        i += 1;
        continue;
      }
      const e = text[i + 1];
      const hex = text.slice(i + 2, i + 6);
      if (e === undefined || (e === 'u' && i + 6 > n && HEX_START.test(hex))) break;
      if (e === 'u' ? !HEX4.test(hex) : !ESCAPES.includes(e)) {
        return fail(i, 'backup.json.invalid-escape');
      }
      i += e === 'u' ? 6 : 2;
    }
    return fail(n, 'backup.json.unterminated-string');
  };
  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
    if (i >= n)
      return expect === 'after' && closers.length === 0
        ? null
        : fail(n, 'backup.json.unexpected-end');
    const c = text[i] as string;
    if (expect === 'after') {
      if (i === numberEnd && restIs(text, i, NUMBER_TAIL))
        return fail(n, 'backup.json.unexpected-end');
      const closer = closers[closers.length - 1];
      if (closer === undefined) return fail(i, 'backup.json.trailing-text');
      if (c === ',') expect = closer === '}' ? 'key' : 'value';
      else if (c === closer) closers.pop();
      else return fail(i, 'backup.json.expected-comma', { closer: show(closer), found: show(c) });
      i += 1;
    } else if (expect === 'colon') {
      if (c !== ':') return fail(i, 'backup.json.expected-colon', { found: show(c) });
      expect = 'value';
      i += 1;
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && c === '}') {
        closers.pop();
        expect = 'after';
        i += 1;
      } else if (c === '"') {
        const error = string();
        if (error) return error;
        expect = 'colon';
      } else return fail(i, 'backup.json.expected-key', { found: show(c) });
    } else if (expect === 'valueOrEnd' && c === ']') {
      closers.pop();
      expect = 'after';
      i += 1;
    } else if (c === '{' || c === '[') {
      closers.push(c === '{' ? '}' : ']');
      expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
      i += 1;
    } else if (c === '"') {
      const error = string();
      if (error) return error;
      expect = 'after';
    } else {
      const literal = LITERALS.find((w) => text.startsWith(w, i));
      NUMBER.lastIndex = i;
      if (literal) i += literal.length;
      else if (NUMBER.test(text)) numberEnd = i = NUMBER.lastIndex;
      else if (restIs(text, i, LITERAL_START)) return fail(n, 'backup.json.unexpected-end');
      else return fail(i, 'backup.json.unexpected-character', { found: show(c) });
      expect = 'after';
    }
  }
}
