import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anchorForPage,
  anchorForRegion,
  anchorFromElement,
  anchorToElement,
  cssFromElement,
  cssToElement,
} from '@/lib/anchoring';

const FIXTURES = join(__dirname, '../../fixtures/anchoring');

/** Parses a saved page into its own document, as a frame's document would be. */
function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

const target = (doc: Document, name: string): Element => {
  const el = doc.querySelector(`[data-target="${name}"]`);
  if (!el) throw new Error(`no target ${name}`);
  return el;
};

const TARGETS = ['add-1', 'add-2', 'add-3', 'secure', 'place-order', 'returns'];

describe('anchorFromElement', () => {
  it.each(TARGETS)('gives %s a selector that is unique in the saved page', (name) => {
    const doc = load('shop.html');
    const anchor = anchorFromElement(target(doc, name), ['iframe#chat']);
    expect(doc.querySelectorAll(anchor.css)).toHaveLength(1);
    expect(cssToElement(anchor.css, doc)).toBe(target(doc, name));
    expect(anchor.framePath).toEqual(['iframe#chat']);
    expect(anchor.kind).toBe('element');
  });

  it('quotes the text with context that tells repeated buttons apart', () => {
    const doc = load('shop.html');
    const anchor = anchorFromElement(target(doc, 'add-2'));
    expect(anchor.text).toBe('Add to cart');
    expect(anchor.prefix).toContain('Ridge Trail GTX');
    expect(anchor.suffix).toContain('Breeze Lite');
  });

  it('describes the whole page and a dragged region', () => {
    const doc = load('shop.html');
    expect(anchorForPage(doc)).toMatchObject({
      css: 'html',
      text: 'Saved shop page',
      kind: 'page',
    });
    expect(anchorForRegion({ x: 1.4, y: 2.6, width: 10, height: 20 }, 'Tempo')).toMatchObject({
      rect: { x: 1, y: 3, width: 10, height: 20 },
      kind: 'region',
    });
  });
});

describe('anchorToElement after the page changed a little', () => {
  const cases = TARGETS.flatMap((name) =>
    [
      'shop.html',
      'shop-sibling-inserted.html',
      'shop-classes-rehashed.html',
      'shop-text-edited.html',
    ].map((variant) => [name, variant] as const),
  );

  it.each(cases)('finds %s again in %s', (name, variant) => {
    const anchor = anchorFromElement(target(load('shop.html'), name));
    const changed = load(variant);
    const found = anchorToElement(anchor, changed);
    expect(found?.element).toBe(target(changed, name));
  });

  it('reports the CSS selector when the page is unchanged', () => {
    const doc = load('shop.html');
    const anchor = anchorFromElement(target(doc, 'place-order'));
    expect(anchorToElement(anchor, doc)?.matchedBy).toBe('css');
  });

  it('falls back to the text quote when the structure shifted', () => {
    const anchor = anchorFromElement(target(load('shop.html'), 'add-2'));
    const changed = load('shop-sibling-inserted.html');
    expect(anchorToElement(anchor, changed)).toEqual({
      element: target(changed, 'add-2'),
      matchedBy: 'text',
    });
  });

  it('falls back to the position when neither selector nor text matches, if the text still shares words', () => {
    const doc = load('shop.html');
    const el = target(doc, 'returns');
    const boxes = new Map<Element, { x: number; y: number; width: number; height: number }>();
    const rectOf = (e: Element) => boxes.get(e) ?? { x: 0, y: 0, width: 0, height: 0 };
    boxes.set(el, { x: 10, y: 900, width: 600, height: 24 });
    const anchor = anchorFromElement(el, [], rectOf);
    const changed = load('shop.html');
    const moved = target(changed, 'returns');
    moved.textContent = 'Returns free for 60 days if you have not yet worn them.';
    moved.parentElement!.prepend(changed.createElement('div'));
    boxes.clear();
    boxes.set(moved, { x: 12, y: 904, width: 600, height: 24 });
    expect(anchorToElement({ ...anchor, css: 'p.gone' }, changed, rectOf)).toEqual({
      element: moved,
      matchedBy: 'position',
    });
  });

  it('says none when nothing matches', () => {
    const doc = load('shop.html');
    const anchor = {
      css: '#nope',
      text: 'Not on this page at all',
      rect: { x: 0, y: 0, width: 0, height: 0 },
      framePath: [],
    };
    expect(anchorToElement(anchor, doc)).toEqual({ element: null, matchedBy: 'none' });
  });
});

describe('open shadow roots', () => {
  it('joins the host and inner selectors and finds the element again', () => {
    const doc = load('shop.html');
    const host = doc.createElement('chat-widget');
    doc.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const inner = doc.createElement('button');
    inner.textContent = 'Start chat';
    root.append(doc.createElement('span'), inner);
    const css = cssFromElement(inner);
    expect(css).toContain(' >>> ');
    expect(cssToElement(css, doc)).toBe(inner);
  });
});
