/**
 * What in a page's markup is likely to survive the next release: ids and classes written by
 * people rather than build tools, and attributes kept for tests, tracking or accessibility.
 */

/** Ids and classes that a framework or bundler made up (`ember123`, `:r1:`, `css-1q2w3e`, `Title_x__3xK9a`). */
export function looksGenerated(name: string): boolean {
  return (
    /\d{3,}|:|^[\da-f-]{8,}$|[a-z]\d[a-z]|\d[a-z]\d|__[\w-]{5}$/i.test(name) ||
    /^(ember|yui|react-|radix-|mui-|jsx-|sc-|css-|svelte-|ng-)/i.test(name)
  );
}

/** Attributes kept for tests and tracking (`data-testid`, `data-qa`, `data-track-…`, `data-ga-…`). */
const HOOK_ATTR = /^data-(test|qa|cy|track|ga|gtm|analytics|component)/;

/** Attributes that name what an element is, in order of preference. */
const NAMING_ATTRS = ['itemprop', 'aria-label', 'name', 'for', 'role', 'itemtype', 'title'];

/** Whether an attribute (name and value) is a stable hook to anchor on. */
export function isStableAttr(name: string, value: string): boolean {
  if (!value || value.length >= 80 || /[\n"\\]/.test(value)) return false;
  if (HOOK_ATTR.test(name)) return !/\d{5,}|^[\da-f-]{12,}$/i.test(value);
  return NAMING_ATTRS.includes(name) && !(name === 'name' && looksGenerated(value));
}

/** Landmarks: page regions a site rarely renames. */
export const LANDMARK = /^(main|header|footer|nav|aside|article|form|section|dialog)$/;

/** An element's stable hooks as selectors, best first (`#id`, `tag[attr="v"]`). */
export function hookSelectors(el: Element): string[] {
  const out: string[] = [];
  const tag = el.localName;
  if (el.id && !looksGenerated(el.id) && /^[A-Za-z][\w-]*$/.test(el.id)) out.push(`#${el.id}`);
  const attrs = Array.from(el.attributes).filter((a) => isStableAttr(a.name, a.value));
  attrs.sort((a, b) => rank(a.name) - rank(b.name));
  for (const a of attrs) out.push(`${tag}[${a.name}="${a.value}"]`);
  return out;
}

const rank = (name: string) => (HOOK_ATTR.test(name) ? -1 : NAMING_ATTRS.indexOf(name));
