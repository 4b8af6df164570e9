import { finder } from '@medv/finder';

/** Separates the selector of a shadow host from the selector inside its shadow root. */
export const SHADOW_SEPARATOR = ' >>> ';

/** Attributes stable enough to anchor on (test hooks, form names, accessible names). */
const STABLE_ATTRS = new Set([
  'data-testid',
  'data-test',
  'data-qa',
  'name',
  'aria-label',
  'role',
  'for',
]);

const attrOk = (name: string, value: string): boolean =>
  STABLE_ATTRS.has(name) && value.length > 0 && value.length < 80 && !/[\n"]/.test(value);

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

/** A unique selector for `el` within its own tree (document or shadow root). */
function selectorInTree(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const finderRoot = (root.nodeType === 9 ? ((root as Document).body ?? root) : root) as Element;
  if (el.localName === 'html' || el.localName === 'body') return el.localName;
  try {
    return finder(el, {
      root: finderRoot,
      attr: attrOk,
      timeoutMs: 200,
      maxNumberOfPathChecks: 2_000,
    });
  } catch {
    return structuralSelector(el, root);
  }
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

/** The element a selector from `cssFromElement` names, or null (also for invalid selectors). */
export function cssToElement(css: string, doc: Document): Element | null {
  let scope: ParentNode | null = doc;
  let found: Element | null = null;
  for (const part of css.split(SHADOW_SEPARATOR)) {
    if (!scope) return null;
    try {
      found = scope.querySelector(part);
    } catch {
      return null;
    }
    scope = found?.shadowRoot ?? null;
  }
  return found;
}
