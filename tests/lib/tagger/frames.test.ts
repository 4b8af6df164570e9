import { afterEach, describe, expect, it } from 'vitest';
import { findFrameElement, frameElementsDeep } from '@/lib/tagger/frames';

afterEach(() => {
  document.body.replaceChildren();
});

const frame = (id: string, src: string) =>
  Object.assign(document.createElement('iframe'), { id, src });

describe('frameElementsDeep', () => {
  it("finds frames in the document and inside its widgets' shadow roots", () => {
    const widget = document.createElement('chat-widget');
    const root = widget.attachShadow({ mode: 'open' });
    const box = document.createElement('div');
    box.append(frame('chat', 'http://chat.localhost/widget.html'));
    const inner = document.createElement('pay-box');
    inner.attachShadow({ mode: 'open' }).append(frame('pay', 'http://pay.localhost/card.html'));
    root.append(box, inner);
    document.body.append(frame('ad', 'http://ads.localhost/slot.html'), widget);

    expect(frameElementsDeep(document).map((f) => f.id)).toEqual(['ad', 'chat', 'pay']);
    // The light DOM alone would not find the chat's frame.
    expect(findFrameElement(document, undefined, 'http://chat.localhost/widget.html')).toBeNull();
    const all = frameElementsDeep(document);
    expect(findFrameElement(document, undefined, 'http://pay.localhost/card.html', all)?.id).toBe(
      'pay',
    );
  });
});
