import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter, HIGHLIGHT_MS } from '@/lib/tagger/highlight';
import type { Anchor } from '@/lib/model';

const anchor = (over: Partial<Anchor>): Anchor => ({
  css: '#price',
  text: '$120.00',
  rect: { x: 0, y: 0, width: 0, height: 0 },
  framePath: [],
  kind: 'element',
  ...over,
});

/** What the page can see of us: elements after its own body. */
const extra = () =>
  Array.from(document.documentElement.children).filter(
    (el) => el.localName !== 'head' && el.localName !== 'body',
  );

beforeEach(() => {
  document.body.replaceChildren();
  const price = document.createElement('span');
  price.id = 'price';
  price.textContent = '$120.00';
  document.body.append(price);
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  vi.useRealTimers();
  extra().forEach((el) => el.remove());
});

describe('createHighlighter', () => {
  it.each([
    ['its CSS selector', anchor({}), 'css'],
    ['its text when the selector is gone', anchor({ css: '#price-old' }), 'text'],
    ['nothing', anchor({ css: '#gone', text: 'not on this page at all, anywhere' }), 'none'],
  ])('finds the element by %s', (_what, a, matchedBy) => {
    const h = createHighlighter('');
    expect(h.show(a)).toEqual({ matchedBy });
    expect(extra()).toHaveLength(matchedBy === 'none' ? 0 : 1);
    h.dismiss();
    expect(extra()).toHaveLength(0);
  });

  it('names the iframe to forward to when the anchor lies in a sub-frame, drawing nothing', () => {
    // (happy-dom logs that it loads no frame pages; only the src property is read.)
    const frame = document.createElement('iframe');
    frame.id = 'chat-frame';
    document.body.append(frame);
    Object.defineProperty(frame, 'src', { value: 'http://chat.localhost/widget.html' });
    const h = createHighlighter('');
    expect(h.show(anchor({ framePath: ['#chat-frame'] }))).toEqual({
      forwardTo: { frameUrl: 'http://chat.localhost/widget.html' },
    });
    expect(h.show(anchor({ framePath: ['#no-frame'] }))).toEqual({ matchedBy: 'none' });
    expect(extra()).toHaveLength(0);
  });

  it('goes away on its own; events the page makes up do not remove it (e2e covers Escape and clicks)', () => {
    vi.useFakeTimers();
    const h = createHighlighter('');
    h.show(anchor({}));
    vi.advanceTimersByTime(HIGHLIGHT_MS + 1);
    expect(extra()).toHaveLength(0);
    // Untrusted (page-made) events do not count; happy-dom marks dispatched events untrusted.
    h.show(anchor({}));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    window.dispatchEvent(new PointerEvent('pointerdown'));
    expect(extra()).toHaveLength(1);
    h.dismiss();
    expect(extra()).toHaveLength(0);
  });
});
