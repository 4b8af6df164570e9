import { GUARDED, LEFT_TO_PAGE } from '../../../lib/tagger/event-types';

/**
 * Runs in a page: the browser's own index of event types, read off the `on…` handler
 * properties of the window and of the element and document interfaces.
 */
export function readHandlerIndex(): string[] {
  const names = new Set<string>();
  const sources: object[] = [window, Window.prototype, Document.prototype, Element.prototype];
  for (const name of ['HTMLElement', 'SVGElement', 'MathMLElement', 'HTMLBodyElement']) {
    const ctor = (window as unknown as Record<string, { prototype: object } | undefined>)[name];
    if (ctor) sources.push(ctor.prototype);
  }
  for (const source of sources)
    for (const key of Object.getOwnPropertyNames(source))
      if (/^on[a-z]/.test(key)) names.add(key.slice(2));
  return [...names].sort();
}

/** The types of the index the guard's lists do not classify (lib/tagger/event-types.ts). */
export function unclassified(index: string[]): string[] {
  const known = new Set([...GUARDED, ...LEFT_TO_PAGE].map((t) => t.toLowerCase()));
  return index.filter((type) => !known.has(type.toLowerCase()));
}
