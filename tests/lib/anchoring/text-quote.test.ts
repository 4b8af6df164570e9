import { describe, expect, it } from 'vitest';
import { visibleText, visibleTextStart } from '@/lib/anchoring/text-quote';
import { describeElement } from '@/lib/tagger/picker';

const el = (html: string): Element =>
  new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.firstElementChild!;

describe('visibleTextStart', () => {
  const cases = [
    '<p>Free delivery over €50</p>',
    '<p>  Free \n\n delivery   over <b> €50 </b>  </p>',
    '<div><span>Item 1</span> <span>Item 2</span><i></i><span>   Item 3</span></div>',
    '<div>   <span>   </span>\n\t</div>',
    '<div aria-label="Close the chat"></div>',
    '<div aria-label="Close the chat">   </div>',
    '<input type="submit" value="  Place   order  ">',
    '<p>abcdefghijklmnopqrstuvwxyz01 23</p>',
    '<p>abcdefghijklmnopqrstuvwxyz012<b> </b>   </p>',
  ];
  it('starts as the whole visible text does, for every cut', () => {
    for (const html of cases) {
      const e = el(html);
      for (const max of [0, 1, 5, 27, 28, 29, 30, 200])
        expect(visibleTextStart(e, max), `${html} at ${max}`).toBe(visibleText(e).slice(0, max));
    }
  });

  it('labels a large element from its first words, as it did reading all of its text', () => {
    const grid = document.createElement('div');
    for (let i = 0; i < 2_500; i++) {
      const cell = document.createElement('div');
      const text = document.createElement('span');
      text.textContent = `Item ${i}`;
      cell.append(text, document.createElement('b'), document.createElement('i'));
      grid.append(cell);
    }
    const box = { x: 0, y: 0, width: 1200, height: 800 };
    expect(describeElement(grid, box)).toBe('div “Item 0Item 1Item 2Item 3Item…” 1200×800');
  });
});
