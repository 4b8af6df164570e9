import { afterEach, describe, expect, it } from 'vitest';
import { shadowRootOf } from '@/lib/tagger/shadow-root-of';

const holder = globalThis as { chrome?: unknown };
const saved = holder.chrome;

afterEach(() => {
  holder.chrome = saved;
});

describe('shadowRootOf', () => {
  it('reads an open root, and nothing of a closed one without an engine API', () => {
    const open = document.createElement('div');
    const openRoot = open.attachShadow({ mode: 'open' });
    const closed = document.createElement('div');
    closed.attachShadow({ mode: 'closed' });
    holder.chrome = undefined;
    expect(shadowRootOf(open)).toBe(openRoot);
    expect(shadowRootOf(closed)).toBeNull();
  });

  it("reads a closed root through Chrome's dom API", () => {
    const closed = document.createElement('div');
    const root = closed.attachShadow({ mode: 'closed' });
    holder.chrome = {
      dom: { openOrClosedShadowRoot: (el: Element) => (el === closed ? root : null) },
    };
    expect(shadowRootOf(closed)).toBe(root);
    expect(shadowRootOf(document.createElement('span'))).toBeNull();
  });

  it('asks the engine only of elements that can have a shadow root', () => {
    const asked: string[] = [];
    holder.chrome = {
      dom: {
        openOrClosedShadowRoot: (el: Element) => (asked.push(el.localName), null),
      },
    };
    const names = ['div', 'span', 'section', 'chat-widget', 'td', 'a', 'img', 'button', 'b'];
    for (const name of names) shadowRootOf(document.createElement(name));
    shadowRootOf(document.createElementNS('http://www.w3.org/2000/svg', 'g'));
    expect(asked).toEqual(['div', 'span', 'section', 'chat-widget']);
  });
});
