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

/** Whether an element shows its text: `null` when its whole subtree is out of sight. */
function shows(el: Element): boolean | null {
  if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style || style.display === 'none') return null;
  // `display: contents` has no box of its own, yet its text shows.
  return style.display === 'contents';
}

/**
 * Reads the visible text of `root` (a document or a shadow root): text nodes in document
 * order, leaving out hidden elements, scripts and styles, form fields and `skip`. It never
 * reads markup (page text is data) and never looks up layout.
 */
export function readTreeText(root: Document | ShadowRoot, options: ReadOptions = {}): TreeText {
  const doc = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const shadowRootOf = options.shadowRootOf ?? ((host: Element) => host.shadowRoot);
  const visible = new Map<Element, boolean>();
  const blockOf = new Map<Element, Node>();
  const shadowRoots: ShadowRoot[] = [];
  const pieces: Piece[] = [];
  let text = '';
  let lastBlock: Node | null = null;
  let broken = false;

  const nearestBlock = (el: Element): Node => {
    const known = blockOf.get(el);
    if (known) return known;
    const parent = el.parentElement;
    const block = BLOCKS.has(el.tagName) || !parent ? el : nearestBlock(parent);
    blockOf.set(el, block);
    return block;
  };

  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode(node) {
      if (node.nodeType === 3) {
        const parent = node.parentElement;
        return !parent || visible.get(parent) !== false ? 1 : 3;
      }
      const el = node as Element;
      if (el === options.skip || LEFT_OUT.has(el.tagName) || editable(el)) return 2;
      if ((el as HTMLElement).hidden) return 2;
      const own = shows(el);
      if (own === null) return 2;
      // Visited even when its own text is hidden: a child may show (visibility: visible).
      visible.set(el, own);
      return 1;
    },
  });

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (BLOCKS.has(el.tagName)) broken = true;
      const inner = shadowRootOf(el);
      if (inner) shadowRoots.push(inner);
      continue;
    }
    const data = (node as Text).data;
    if (!data) continue;
    const block = node.parentElement ? nearestBlock(node.parentElement) : root;
    if ((broken || block !== lastBlock) && text) text += BREAK;
    broken = false;
    lastBlock = block;
    pieces.push({ node: node as Text, at: text.length });
    text += data;
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
  const todo: (Document | ShadowRoot)[] = [root];
  const seen = new Set<Node>();
  while (todo.length) {
    const tree = todo.pop()!;
    if (seen.has(tree)) continue;
    seen.add(tree);
    const read = readTreeText(tree, options);
    const found = findSensitive(
      read.text,
      options.languages ? { languages: options.languages } : {},
    );
    for (const m of found) spans.push({ kind: m.kind, parts: partsOf(read, m.start, m.end) });
    todo.push(...read.shadowRoots);
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
