import { describe, expect, it } from 'vitest';
import {
  anchorToElement,
  boxFits,
  lastTagOf,
  positionToElement,
  wordOverlap,
  type Box,
  type PositionClue,
} from '@/lib/anchoring';

/** A page whose elements get their boxes from a table (the unit DOM has no layout). */
function page(html: string, boxes: Record<string, Box>) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const rects = new Map<Element, Box>();
  for (const [id, box] of Object.entries(boxes)) rects.set(doc.getElementById(id)!, box);
  const rectOf = (el: Element) => rects.get(el) ?? { x: 0, y: 0, width: 0, height: 0 };
  return { doc, rectOf };
}

const WAS: Box = { x: 100, y: 400, width: 200, height: 40 };
const at = (dx: number, dy: number, dw = 0, dh = 0): Box => ({
  x: WAS.x + dx,
  y: WAS.y + dy,
  width: WAS.width + dw,
  height: WAS.height + dh,
});
const QUOTE = 'Free returns within 60 days';

describe('positionToElement', () => {
  it.each<[string, string, Record<string, Box>, Partial<PositionClue>, string | null]>([
    [
      'the same element where it was',
      '<p id="a">Free returns within 60 days</p>',
      { a: WAS },
      {},
      'a',
    ],
    ['moved a little, a fifth wider', `<p id="a">${QUOTE}</p>`, { a: at(12, -10, 40) }, {}, 'a'],
    ['moved too far down', `<p id="a">${QUOTE}</p>`, { a: at(0, 30) }, {}, null],
    ['moved too far across', `<p id="a">${QUOTE}</p>`, { a: at(-20, 0) }, {}, null],
    ['much wider', `<p id="a">${QUOTE}</p>`, { a: at(0, 0, 80) }, {}, null],
    ['much lower', `<p id="a">${QUOTE}</p>`, { a: at(0, 0, 0, -14) }, {}, null],
    ['another tag in its place', `<div id="a">${QUOTE}</div>`, { a: WAS }, {}, null],
    ['a selector that names no tag', `<p id="a">${QUOTE}</p>`, { a: WAS }, { tag: null }, null],
    [
      'its text half rewritten',
      '<p id="a">Free returns within 30 weeks</p>',
      { a: WAS },
      { text: 'Free returns within 60 days, always' },
      'a',
    ],
    ['its text rewritten', '<p id="a">Something else entirely</p>', { a: WAS }, {}, null],
    [
      'no text quoted: the box and tag suffice',
      '<p id="a">Anything</p>',
      { a: WAS },
      { text: '' },
      'a',
    ],
    [
      'a stored box of no size',
      `<p id="a">${QUOTE}</p>`,
      { a: WAS },
      { rect: { ...WAS, width: 0 } },
      null,
    ],
    [
      'the closer of two that fit',
      `<p id="a">${QUOTE}</p><p id="b">${QUOTE}</p>`,
      { a: at(10, 10), b: at(2, 2) },
      {},
      'b',
    ],
    [
      'two boxes alike, one inside the other',
      `<div id="a"><div id="b">${QUOTE}</div></div>`,
      { a: WAS, b: WAS },
      { tag: 'div' },
      null,
    ],
    [
      'the closest has other text, a farther one the quote',
      `<p id="a">Call us on 0800 555 0142</p><p id="b">${QUOTE}</p>`,
      { a: WAS, b: at(8, 8) },
      {},
      null,
    ],
  ])('%s', (_what, html, boxes, clue, expected) => {
    const { doc, rectOf } = page(html, boxes);
    const found = positionToElement({ rect: WAS, tag: 'p', text: QUOTE, ...clue }, doc, rectOf);
    expect(found?.id ?? null).toBe(expected);
  });
});

describe('the parts of the rule', () => {
  it.each<[Box, boolean]>([
    [WAS, true],
    [at(16, -16), true],
    [at(18, 0), false],
    [at(0, 0, 50, 10), true],
    [at(0, 0, -52), false],
    [at(0, 0, 0, 12), false],
  ])('box %o fits: %s', (box, fits) => {
    expect(boxFits(box, WAS)).toBe(fits);
  });

  it.each<[string, string, number]>([
    ['Add to cart', 'add to CART', 1],
    ['Add to cart', 'Add to basket', 2 / 3],
    ['Напишите нам', 'Напишите нам сейчас', 2 / 3],
    ['Sale!', '', 0],
  ])('“%s” and “%s” share %d of their words', (a, b, share) => {
    expect(wordOverlap(a, b)).toBeCloseTo(share);
  });

  it.each<[string, string | null]>([
    ['main div.promo', 'div'],
    ['#price', null],
    ['button[aria-label="Add to cart"]', 'button'],
    ['#widget >>> #ask', null],
    ['html > body > p:nth-child(2)', 'p'],
  ])('%s names the tag %s', (css, tag) => {
    expect(lastTagOf(css)).toBe(tag);
  });
});

describe('anchorToElement with layout', () => {
  const anchor = (over: object) => ({
    css: 'p.gone',
    text: QUOTE,
    prefix: 'Delivery',
    suffix: 'Call us',
    rect: WAS,
    framePath: [],
    kind: 'element' as const,
    ...over,
  });

  it('takes the element at the box when it is plausibly the same, and says so', () => {
    const { doc, rectOf } = page('<p id="a">Free returns within 30 weeks</p>', { a: at(3, 4) });
    const found = anchorToElement(
      anchor({ text: 'Free returns within 60 days, always' }),
      doc,
      rectOf,
    );
    expect(found).toEqual({ element: doc.getElementById('a'), matchedBy: 'position' });
  });

  it('says none rather than give whatever now lies at the box', () => {
    const { doc, rectOf } = page('<p id="a">Sign up for our newsletter</p>', { a: WAS });
    expect(anchorToElement(anchor({}), doc, rectOf)).toEqual({ element: null, matchedBy: 'none' });
  });

  it('does not take a look-alike with the same text in another context', () => {
    const { doc, rectOf } = page(
      `<div>Newsletter <p id="a">${QUOTE}</p> Privacy policy and cookie settings</div>`,
      { a: at(0, 300) },
    );
    expect(anchorToElement(anchor({}), doc, rectOf).matchedBy).toBe('none');
  });

  it('gives none between two equally close text matches, one wrapping the other', () => {
    const { doc, rectOf } = page(`Delivery <div id="a"><div id="b">${QUOTE}</div></div> Call us`, {
      a: WAS,
      b: WAS,
    });
    expect(anchorToElement(anchor({ css: 'div.gone' }), doc, rectOf).matchedBy).toBe('none');
  });
});
