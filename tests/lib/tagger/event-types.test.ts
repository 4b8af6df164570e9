import { describe, expect, it } from 'vitest';
import { pageEventTypes } from '@/lib/tagger/event-types';

describe('pageEventTypes', () => {
  const types = pageEventTypes();

  it.each(['click', 'keydown', 'pointerover', 'wheel', 'beforeinput', 'contextmenu', 'dragstart'])(
    'names %s, read from an on… property',
    (type) => expect(types).toContain(type),
  );

  it.each([
    'textInput',
    'DOMActivate',
    'selectionchange',
    'focusin',
    'compositionupdate',
    'mouseenter',
    'pointerenter',
  ])('names %s, which has no property everywhere', (type) => expect(types).toContain(type));

  it.each([
    'unload',
    'beforeunload',
    'devicemotion',
    'deviceorientation',
    'gamepadconnected',
    'storage',
  ])('leaves out %s, which changes the page just by being listened for', (type) =>
    expect(types).not.toContain(type),
  );

  it('picks up a type the browser adds later, from its handler property', () => {
    Object.defineProperty(HTMLElement.prototype, 'onfuturething', {
      value: null,
      configurable: true,
    });
    try {
      expect(pageEventTypes()).toContain('futurething');
    } finally {
      delete (HTMLElement.prototype as unknown as Record<string, unknown>).onfuturething;
    }
  });

  it.each(['hashchange', 'popstate', 'message', 'pagehide'])(
    'names %s, a handler of the window read from the body element',
    (type) => expect(types).toContain(type),
  );

  it('lists each type once', () => expect(new Set(types).size).toBe(types.length));
});
