/** A run of digits in a text, with what stood between it and the group before. */
export interface DigitGroup {
  start: number;
  end: number;
  /** The characters between the previous group and this one ('' for the first). */
  sep: string;
}

/** A sequence of digit groups written as one number, possibly with a leading `+` or `(`. */
export interface DigitRun {
  groups: DigitGroup[];
  /** Where the run begins: its first digit, or the `+` / `(` before it. */
  start: number;
  plus: boolean;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Spaces a page may put between the groups of a number (never the block break U+2029). Runs of
 * them count as one: markup indentation between two inline elements shows as one space.
 */
export const SPACE = /[ \t\n\r\u00a0\u2009\u202f]/;
/** The longest separator read between two groups (indentation included). */
const MAX_SEPARATOR = 40;

/**
 * Splits `text` into runs of digit groups separated by what `separatorOk` accepts. A run starts
 * at a digit not preceded by a letter or digit (nor by `[.,]digit`, the inside of a decimal),
 * and ends where the next characters are not a separator followed by a digit. Linear time.
 */
export function digitRuns(
  text: string,
  separatorOk: (sep: string) => boolean,
  punctuation: RegExp,
): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const before = text[i - 1] ?? '';
    if (LETTER_OR_DIGIT.test(before)) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      continue;
    }
    let start = i;
    let plus = false;
    if (before === '(') start = i - 1;
    const plusAt = before === '(' ? i - 2 : i - 1;
    if (text[plusAt] === '+' && !LETTER_OR_DIGIT.test(text[plusAt - 1] ?? '')) {
      start = plusAt;
      plus = true;
    } else if (text[plusAt - 1] === '+' && SPACE.test(text[plusAt] ?? '')) {
      start = plusAt - 1;
      plus = true;
    }
    const groups: DigitGroup[] = [];
    let sep = '';
    for (;;) {
      const gs = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      groups.push({ start: gs, end: i, sep });
      let j = i;
      while (j < n && j - i < MAX_SEPARATOR && (SPACE.test(text[j]!) || punctuation.test(text[j]!)))
        j++;
      if (j === i || j >= n || !isDigit(text.charCodeAt(j))) break;
      const candidate = text.slice(i, j);
      if (!separatorOk(candidate)) break;
      sep = candidate;
      i = j;
    }
    // A group glued to letters ("12kg", "4111…abc") is a code or a quantity: not part of it.
    if (/\p{L}/u.test(text[i] ?? '')) {
      groups.pop();
      while (i < n && !SPACE.test(text[i]!)) i++;
    }
    if (groups.length) runs.push({ groups, start, plus });
  }
  return runs;
}

/** The digits of groups `a`..`b` of a run. */
export function digitsOf(
  text: string,
  groups: readonly DigitGroup[],
  a: number,
  b: number,
): string {
  let s = '';
  for (let k = a; k <= b; k++) s += text.slice(groups[k]!.start, groups[k]!.end);
  return s;
}
