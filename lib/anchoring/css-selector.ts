import { finder } from '@medv/finder';
import { LANDMARK, hookSelectors, isStableAttr, looksGenerated } from './stable';

/** Separates the selector of a shadow host from the selector inside its shadow root. */
export const SHADOW_SEPARATOR = ' >>> ';

/** A structural path (`tag:nth-child(n) > …`) from `root`; always unique, used when finder gives up. */
export function structuralSelector(el: Element, root: ParentNode): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && (node as Node) !== root) {
    const parent: Element | null = node.parentElement;
    const tag = node.localName;
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    const index = Array.prototype.indexOf.call(parent.children, node) + 1;
    parts.unshift(`${tag}:nth-child(${index})`);
    node = parent;
  }
  return parts.join(' > ');
}

type Root = Document | ShadowRoot;

/** Whether `selector` names `el` and nothing else in `root`. */
function namesOnly(selector: string, el: Element, root: Root): boolean {
  try {
    const all = root.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

/** The element's own hook when it is unique in `root`. */
const uniqueHook = (el: Element, root: Root): string | null =>
  hookSelectors(el).find((s) => namesOnly(s, el, root)) ?? null;

/** The nearest ancestor with a unique stable hook (or a unique landmark) and its selector. */
function hookedAncestor(el: Element, root: Root): { el: Element; css: string } | null {
  for (let a = el.parentElement; a && a.localName !== 'body'; a = a.parentElement) {
    const own = uniqueHook(a, root);
    if (own) return { el: a, css: own };
    if (LANDMARK.test(a.localName) && namesOnly(a.localName, a, root))
      return { el: a, css: a.localName };
  }
  return null;
}

/** Ids and classes people wrote (BEM and snake case included), not generated ones. */
const written = (name: string) => /^[a-z][\w-]*$/i.test(name) && !looksGenerated(name);

/** Puts the tag in front of a last compound that has none (`.promo` → `div.promo`), ids aside. */
function withTag(selector: string, el: Element): string {
  const last = /[^\s>+~]+$/.exec(selector)?.[0] ?? '';
  return /^[.[:]/.test(last)
    ? `${selector.slice(0, -last.length)}${el.localName}${last}`
    : selector;
}

const finderIn = (el: Element, root: Element) =>
  finder(el, {
    root,
    idName: written,
    className: written,
    attr: isStableAttr,
    timeoutMs: 200,
    maxNumberOfPathChecks: 2_000,
  });

/**
 * A unique selector for `el` within its own tree (document or shadow root), built on what is
 * likely to last: the element's own stable id or attribute; else a path inside its nearest
 * ancestor that has one (or a landmark) so a bare tag never stands alone; else finder's best
 * over classes that do not look generated; else the structural path. Checked for uniqueness.
 */
function selectorInTree(el: Element): string {
  const root = el.getRootNode() as Root;
  if (el.localName === 'html' || el.localName === 'body') return el.localName;
  const own = uniqueHook(el, root);
  if (own) return own;
  const finderRoot = (root.nodeType === 9 ? ((root as Document).body ?? root) : root) as Element;
  try {
    const ancestor = hookedAncestor(el, root);
    if (ancestor) {
      const inner = `${ancestor.css} ${withTag(finderIn(el, ancestor.el), el)}`;
      if (namesOnly(inner, el, root)) return inner;
    }
    const plain = withTag(finderIn(el, finderRoot), el);
    if (namesOnly(plain, el, root)) return plain;
  } catch {
    // finder gives up on pages where nothing tells elements apart; the path below always does.
  }
  return structuralSelector(el, root);
}

/**
 * A unique CSS selector for an element in its frame's document. An element inside open
 * shadow roots gets the hosts' selectors joined with ` >>> ` before its own.
 */
export function cssFromElement(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node) {
    parts.unshift(selectorInTree(node));
    const root = node.getRootNode();
    node = root.nodeType === 11 ? (root as ShadowRoot).host : null;
  }
  return parts.join(SHADOW_SEPARATOR);
}

/**
 * Every element a selector from `cssFromElement` names now (a page that changed may have
 * added look-alikes), in document order; empty for invalid selectors.
 */
export function cssToElements(css: string, doc: Document): Element[] {
  let scopes: ParentNode[] = [doc];
  let found: Element[] = [];
  for (const part of css.split(SHADOW_SEPARATOR)) {
    try {
      found = scopes.flatMap((s) => Array.from(s.querySelectorAll(part)));
    } catch {
      return [];
    }
    scopes = found.flatMap((f) => (f.shadowRoot ? [f.shadowRoot] : []));
  }
  return found;
}

/**
 * The tag a selector names last (`main div.promo` → `div`), or null when it names none
 * (`#price`). Quoted attribute values are left out first: their spaces separate nothing.
 */
export function lastTagOf(css: string): string | null {
  const bare = css.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  return /(?:^|[\s>+~])([a-z][\w-]*)[^\s>+~]*$/i.exec(bare)?.[1]?.toLowerCase() ?? null;
}

/** The first element a selector from `cssFromElement` names, or null (also for invalid selectors). */
export const cssToElement = (css: string, doc: Document): Element | null =>
  cssToElements(css, doc)[0] ?? null;
