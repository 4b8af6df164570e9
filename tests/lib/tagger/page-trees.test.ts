import { afterEach, describe, expect, it } from 'vitest';
import { pageTrees } from '@/lib/tagger/page-trees';
import { fieldMasks } from '@/lib/tagger/fields';

const holder = globalThis as { chrome?: unknown };
const saved = holder.chrome;

afterEach(() => {
  holder.chrome = saved;
  document.body.replaceChildren();
});

/** Puts parsed markup into `root` (the test's own fixture, built as nodes). */
const fill = (root: ParentNode, html: string) => {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  root.replaceChildren(...Array.from(parsed.body.childNodes));
};

/** Every closed root made here, as the engine's API would hand them to a content script. */
const closedRoots = new Map<Element, ShadowRoot>();
const closedShadow = (host: Element): ShadowRoot => {
  const root = host.attachShadow({ mode: 'closed' });
  closedRoots.set(host, root);
  return root;
};

describe('pageTrees', () => {
  it('finds open and closed roots, nested ones too, asking the engine once per element', () => {
    let asked = 0;
    holder.chrome = {
      dom: {
        openOrClosedShadowRoot: (el: Element) => (asked++, closedRoots.get(el) ?? el.shadowRoot),
      },
    };
    fill(document.body, '<p>Cart</p><chat-box></chat-box><div id="open"></div>');
    const chat = closedShadow(document.querySelector('chat-box')!);
    fill(chat, '<div class="inner"></div><input name="email">');
    const inner = closedShadow(chat.querySelector('.inner')!);
    fill(inner, '<textarea></textarea>');
    const open = document.getElementById('open')!.attachShadow({ mode: 'open' });
    fill(open, '<span>Tel.</span>');

    const trees = pageTrees(document);
    expect(trees).toEqual([document, chat, open, inner]);
    // body, p, chat-box, div#open; div.inner in the chat; the span in the open root (the
    // input, the textarea and <html> cannot have a root and are not asked about).
    expect(asked).toBe(6);
  });

  it('leaves out the tagger’s host and what is under it', () => {
    holder.chrome = undefined;
    fill(document.body, '<div id="tagger"></div><shop-cart></shop-cart>');
    const host = document.getElementById('tagger')!;
    fill(host.attachShadow({ mode: 'open' }), '<input>');
    const cart = document.querySelector('shop-cart')!.attachShadow({ mode: 'open' });
    expect(pageTrees(document, host)).toEqual([document, cart]);
  });

  it('hands the field search the roots it found: it masks a field in a closed root unasked', () => {
    let asked = 0;
    holder.chrome = {
      dom: { openOrClosedShadowRoot: (el: Element) => (asked++, closedRoots.get(el) ?? null) },
    };
    fill(document.body, '<pay-widget></pay-widget>');
    const widget = closedShadow(document.querySelector('pay-widget')!);
    fill(widget, '<input name="card">');
    // No layout here: the card field says where it is.
    widget.querySelector('input')!.getBoundingClientRect = () => new DOMRect(10, 20, 200, 30);
    const trees = pageTrees(document);
    const before = asked;
    expect(fieldMasks(document, null, trees)).toEqual([{ x: 9, y: 19, width: 202, height: 32 }]);
    expect(asked).toBe(before);
  });
});
