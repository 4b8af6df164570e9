import { describe, expect, it } from 'vitest';
import { drawsNothing } from '@/lib/tagger/hit-test';

/** Builds one element from markup in the test document. */
function make(html: string): Element {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const el = document.importNode(doc.body.firstElementChild!, true);
  document.body.replaceChildren(el);
  return el;
}

describe('drawsNothing', () => {
  it.each([
    ['an empty layer', '<div></div>', true],
    ['an empty layer holding empty layers', '<div><div><span></span></div></div>', true],
    ['a layer with text', '<div>Night trains</div>', false],
    ['a layer whose child has text', '<div><div><span>Play</span></div></div>', false],
    ['a layer with a background', '<div style="background-color: red"></div>', false],
    ['a layer with a border', '<div style="border: 1px solid black"></div>', false],
    ['a layer with an image', '<div><img alt=""></div>', false],
    ['an invisible layer with text', '<div style="opacity: 0">Click</div>', true],
    ['a hidden child only', '<div><p style="display: none">Hidden</p></div>', true],
  ])('%s: %s', (_what, html, expected) => {
    expect(drawsNothing(make(html))).toBe(expected);
  });
});
