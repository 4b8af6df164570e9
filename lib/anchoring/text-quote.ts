/** Longest quote kept from an element's text. */
export const MAX_QUOTE = 300;
/** Characters of context kept on each side of the quote. */
export const CONTEXT = 32;

/** Collapses white space the way a reader sees text. */
export const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The quote, prefix and suffix that describe an element's text. */
export interface TextQuote {
  text: string;
  prefix: string;
  suffix: string;
}

/** The text of a node as a reader sees it (form controls contribute their label-like text). */
export function visibleText(el: Element): string {
  const value = (el as HTMLInputElement).type === 'submit' ? (el as HTMLInputElement).value : '';
  return normalize(value || el.textContent || el.getAttribute('aria-label') || '');
}

/**
 * `visibleText(el).slice(0, max)`, without reading the whole text of a large element: the
 * picker labels whatever the pointer is over, a page's whole product grid included, every
 * frame it moves.
 */
export function visibleTextStart(el: Element, max: number): string {
  const value = (el as HTMLInputElement).type === 'submit' ? (el as HTMLInputElement).value : '';
  if (value) return normalize(value).slice(0, max);
  let any = false;
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue ?? '';
    any ||= v !== '';
    // Kept collapsed and without leading space, so it never grows much past `max`.
    text = (text + v).replace(/\s+/g, ' ').trimStart();
    // Past `max`: what follows cannot change the start (a space at the end still might).
    if (text.length > max) return text.slice(0, max);
  }
  if (any) return text.trim();
  return normalize(el.getAttribute('aria-label') ?? '').slice(0, max);
}

/** The raw text before and after `el` inside `ancestor`, in document order. */
function splitAround(ancestor: Element, el: Element): { before: string; after: string } {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(ancestor, 4 /* NodeFilter.SHOW_TEXT */);
  let before = '';
  let after = '';
  let seen = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (el.contains(n)) {
      seen = true;
      continue;
    }
    if (seen) after += n.nodeValue ?? '';
    else before += n.nodeValue ?? '';
  }
  return { before: normalize(before), after: normalize(after) };
}

/** Context around the element: from the nearest ancestor giving enough text on both sides. */
function contextOf(el: Element): { before: string; after: string } {
  let found = { before: '', after: '' };
  for (let node = el.parentElement; node; node = node.parentElement) {
    found = splitAround(node, el);
    if (found.before.length >= CONTEXT && found.after.length >= CONTEXT) break;
  }
  return found;
}

/** The element's text quote with a little context on both sides. */
export function textQuoteFromElement(el: Element): TextQuote {
  const text = visibleText(el).slice(0, MAX_QUOTE);
  if (!text) return { text, prefix: '', suffix: '' };
  const { before, after } = contextOf(el);
  return {
    text,
    prefix: before.slice(-CONTEXT).trimStart(),
    suffix: after.slice(0, CONTEXT).trimEnd(),
  };
}

/** Shared prefix and suffix over the longer length, 0–1. */
function edgeSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  return (head + tail) / longest;
}

/** Dice coefficient over character pairs, 0–1: robust to a word added or changed mid-text. */
function pairSimilarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const p = a.slice(i, i + 2);
    pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const p = b.slice(i, i + 2);
    const n = pairs.get(p) ?? 0;
    if (n > 0) {
      shared++;
      pairs.set(p, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length - 2);
}

/** How much of two strings agree, 0–1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  return Math.max(edgeSimilarity(a, b), pairSimilarity(a, b));
}

/** Scores how well an element matches a quote and its context, 0–1 each. */
export function quoteScores(el: Element, quote: TextQuote): { text: number; context: number } {
  const got = textQuoteFromElement(el);
  const hasContext = quote.prefix || quote.suffix;
  return {
    text: similarity(got.text, quote.text),
    context: hasContext
      ? (similarity(got.prefix, quote.prefix) + similarity(got.suffix, quote.suffix)) / 2
      : 1,
  };
}

/** Whether an element still carries the quoted text in (roughly) the same context. */
export function quoteMatches(el: Element, quote: TextQuote): boolean {
  const s = quoteScores(el, quote);
  return s.text >= 0.75 && s.context >= 0.5;
}

/**
 * The elements of `root` whose text best matches the quote, equally well (the quote exactly,
 * or else closely, with prefix and suffix breaking ties), in tree order. Empty when nothing
 * comes close. With `tag`, only elements of that tag are candidates; with `minContext`, only
 * elements whose prefix and suffix agree with the quote's at least that well.
 */
export function textQuoteCandidates(
  quote: TextQuote,
  root: ParentNode,
  minScore = 0.75,
  tag: string | null = null,
  minContext = 0,
): Element[] {
  if (!quote.text) return [];
  let best: Element[] = [];
  let bestScore = 0;
  const probe = quote.text.slice(0, 24);
  for (const el of Array.from(root.querySelectorAll(tag ?? '*'))) {
    // The document's own frame is never an element that was tagged (pages have their anchor).
    if (/^(html|head|body)$/.test(el.localName)) continue;
    const text = normalize(el.textContent ?? '');
    if (!text.includes(probe) && Math.abs(text.length - quote.text.length) > quote.text.length / 2)
      continue;
    const s = quoteScores(el, quote);
    if (s.text < minScore || s.context < minContext) continue;
    const score = s.text * 0.7 + s.context * 0.3;
    if (score > bestScore) {
      best = [el];
      bestScore = score;
    } else if (score === bestScore) best.push(el);
  }
  return best;
}

/** The deepest of the elements that best match the quote (descendants come later in tree order). */
export function textQuoteToElement(
  quote: TextQuote,
  root: ParentNode,
  minScore = 0.75,
  tag: string | null = null,
): Element | null {
  return textQuoteCandidates(quote, root, minScore, tag).at(-1) ?? null;
}
