import type { Box } from '../../anchoring/position';
import type { Language } from '../../i18n/languages';
import type { SensitiveKind } from '../../model';
import { findSensitive } from './find';
import type { KindCount } from './kinds';

/** One text node's share of the text read from a tree: where its data starts in it. */
interface Piece {
  node: Text;
  at: number;
}

/**
 * The visible text of a tree as one string, and the text node behind every part of it. Text
 * of one block (paragraph, cell, list item…) is joined as the page shows it, so a number split
 * over inline elements reads whole; blocks are apart, joined by U+2029 (a paragraph break).
 */
export interface TreeText {
  text: string;
  pieces: Piece[];
  /** Open (or given) shadow roots met under the tree, read separately. */
  shadowRoots: ShadowRoot[];
}

/** A part of a text node: `node.data.slice(start, end)`. */
export interface TextPart {
  node: Text;
  start: number;
  end: number;
}

/** A piece of personal data on the page, by the text nodes it lies in (usually one). */
export interface SensitiveSpan {
  kind: SensitiveKind;
  parts: TextPart[];
}

/** A solid box to draw over personal data before a capture, in viewport CSS pixels. */
export interface SensitiveBox {
  kind: SensitiveKind;
  rect: Box;
}

/** Options of reading a tree. */
export interface ReadOptions {
  /** An element whose subtree is left out (the tagger's own host). */
  skip?: Element | null;
  /** The shadow root of a host, closed ones included where the caller can reach them. */
  shadowRootOf?: (host: Element) => ShadowRoot | null;
  /** Languages whose words and phone forms apply (all six by default). */
  languages?: readonly Language[];
  /**
   * The root and every shadow root under it, when the caller has found them already (a
   * capture's field search looks for them too): each is read apart, and no more are looked
   * for, so `shadowRootOf` is not asked.
   */
  trees?: readonly (Document | ShadowRoot)[];
}

const BREAK = '\u2029';
/** Elements whose text is never page text, or is a form field's (masked elsewhere). */
const LEFT_OUT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'INPUT',
  'IFRAME',
  'OBJECT',
]);
/** Elements that lay their content out as a block of its own (by tag: no style lookups). */
const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BUTTON CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET ' +
    'FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR HTML LEGEND LI MAIN NAV OL P PRE ' +
    'SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL BR IMG'
  ).split(' '),
);

const editable = (el: Element) => {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
};

/**
 * Whether an element shows its own text: not `display: none` (itself or above), not
 * `visibility: hidden`, not fully transparent. `display: contents` has no box, yet its text
 * shows.
 */
function shows(el: Element): boolean {
  if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
  const view = el.ownerDocument.defaultView;
  if (view?.getComputedStyle(el).display !== 'contents') return false;
  return !el.parentElement || shows(el.parentElement);
}

/**
 * Reads the text of `root` (a document or a shadow root): text nodes in document order,
 * leaving out scripts and styles, form fields, editable regions, `hidden` subtrees and `skip`.
 * It never reads markup (page text is data) and looks up neither style nor layout: whether
 * found text is visible is asked of the few elements holding it ({@link findSensitiveSpans}).
 */
export function readTreeText(root: Document | ShadowRoot, options: ReadOptions = {}): TreeText {
  const shadowRootOf = options.shadowRootOf ?? ((host: Element) => host.shadowRoot);
  const shadowRoots: ShadowRoot[] = [];
  const pieces: Piece[] = [];
  let text = '';
  // A block boundary was passed since the last text: the next text starts a new block.
  let broken = false;
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data) {
        if (broken && text) text += BREAK;
        broken = false;
        pieces.push({ node: node as Text, at: text.length });
        text += data;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const left =
        el === options.skip ||
        LEFT_OUT.has(el.tagName) ||
        (el as HTMLElement).hidden ||
        editable(el);
      if (!left) {
        if (BLOCKS.has(el.tagName)) broken = true;
        const inner = shadowRootOf(el);
        if (inner) shadowRoots.push(inner);
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Up to the next sibling, passing the end of every block left on the way.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && BLOCKS.has((node as Element).tagName)) broken = true;
    }
    if (!node || node === root) break;
    if (BLOCKS.has((node as Element).tagName)) broken = true;
    node = node.nextSibling;
  }
  return { text, pieces, shadowRoots };
}

/** The text node parts of `[start, end)` of a tree's text. */
function partsOf(read: TreeText, start: number, end: number): TextPart[] {
  const { pieces } = read;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.at <= start) lo = mid;
    else hi = mid - 1;
  }
  const parts: TextPart[] = [];
  for (let i = lo; i < pieces.length && pieces[i]!.at < end; i++) {
    const { node, at } = pieces[i]!;
    const s = Math.max(start, at) - at;
    const e = Math.min(end, at + node.data.length) - at;
    if (e > s) parts.push({ node, start: s, end: e });
  }
  return parts;
}

/**
 * Every piece of personal data in the visible text of `root` and of the shadow roots under it,
 * as text node parts: the selection half of redaction, free of layout.
 */
export function findSensitiveSpans(
  root: Document | ShadowRoot,
  options: ReadOptions = {},
): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  const given = options.trees;
  const todo: (Document | ShadowRoot)[] = given ? [...given] : [root];
  const reading: ReadOptions = given ? { ...options, shadowRootOf: () => null } : options;
  const seen = new Set<Node>();
  const visible = new Map<Element, boolean>();
  while (todo.length) {
    const tree = todo.pop()!;
    if (seen.has(tree)) continue;
    seen.add(tree);
    const read = readTreeText(tree, reading);
    const found = findSensitive(
      read.text,
      options.languages ? { languages: options.languages } : {},
    );
    for (const m of found) {
      const parts = partsOf(read, m.start, m.end).filter((p) => {
        const parent = p.node.parentElement;
        if (!parent) return true;
        let seen = visible.get(parent);
        if (seen === undefined) visible.set(parent, (seen = shows(parent)));
        return seen;
      });
      if (parts.length) spans.push({ kind: m.kind, parts });
    }
    if (!given) todo.push(...read.shadowRoots);
  }
  return spans;
}

/** `box` cut to `within`, or null when nothing of it is inside. */
export function clipBox(box: Box, within: Box): Box | null {
  const x = Math.max(box.x, within.x);
  const y = Math.max(box.y, within.y);
  const right = Math.min(box.x + box.width, within.x + within.width);
  const bottom = Math.min(box.y + box.height, within.y + within.height);
  return right - x >= 1 && bottom - y >= 1 ? { x, y, width: right - x, height: bottom - y } : null;
}

const touches = (a: Box, b: Box, gap: number) =>
  a.x <= b.x + b.width + gap &&
  b.x <= a.x + a.width + gap &&
  a.y <= b.y + b.height + gap &&
  b.y <= a.y + a.height + gap;

/** Boxes of one kind that overlap or touch become one box around them all. */
export function mergeBoxes(boxes: readonly SensitiveBox[], gap = 1): SensitiveBox[] {
  const out = boxes.map((b) => ({ kind: b.kind, rect: { ...b.rect } }));
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length; i++)
      for (let j = out.length - 1; j > i; j--) {
        const a = out[i]!;
        const b = out[j]!;
        if (a.kind !== b.kind || !touches(a.rect, b.rect, gap)) continue;
        const x = Math.min(a.rect.x, b.rect.x);
        const y = Math.min(a.rect.y, b.rect.y);
        a.rect = {
          x,
          y,
          width: Math.max(a.rect.x + a.rect.width, b.rect.x + b.rect.width) - x,
          height: Math.max(a.rect.y + a.rect.height, b.rect.y + b.rect.height) - y,
        };
        out.splice(j, 1);
        merged = true;
      }
  }
  return out;
}

/** Room left around the glyphs so no anti-aliased edge shows outside a box. */
const PAD = 2;

/**
 * The viewport boxes of a span's text (`Range.getClientRects`, one per line it wraps over),
 * padded and cut to `capture`: the layout half of redaction.
 */
export function spanBoxes(span: SensitiveSpan, capture: Box): Box[] {
  const boxes: Box[] = [];
  for (const part of span.parts) {
    const range = part.node.ownerDocument.createRange();
    range.setStart(part.node, part.start);
    range.setEnd(part.node, part.end);
    for (const r of Array.from(range.getClientRects())) {
      if (r.width <= 0 || r.height <= 0) continue;
      const padded = {
        x: r.left - PAD,
        y: r.top - PAD,
        width: r.width + 2 * PAD,
        height: r.height + 2 * PAD,
      };
      const clipped = clipBox(padded, capture);
      if (clipped) boxes.push(clipped);
    }
  }
  return boxes;
}

/**
 * What to cover in a capture of `capture` (viewport CSS pixels of `root`'s frame): the merged
 * boxes of every piece of personal data shown inside it, and how many of each kind there were
 * (what the panel lists). Kinds the shopper uncovered are for the caller to leave undrawn.
 */
export function sensitiveBoxes(
  root: Document | ShadowRoot,
  capture: Box,
  options: ReadOptions = {},
): { boxes: SensitiveBox[]; counts: KindCount[] } {
  const boxes: SensitiveBox[] = [];
  const counts = new Map<SensitiveKind, number>();
  for (const span of findSensitiveSpans(root, options)) {
    const rects = spanBoxes(span, capture);
    if (!rects.length) continue;
    counts.set(span.kind, (counts.get(span.kind) ?? 0) + 1);
    for (const rect of rects) boxes.push({ kind: span.kind, rect });
  }
  return {
    boxes: mergeBoxes(boxes),
    counts: [...counts].map(([kind, count]) => ({ kind, count })),
  };
}
