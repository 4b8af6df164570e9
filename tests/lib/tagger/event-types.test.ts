import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, GUARDED, LEFT_TO_PAGE, SHOPPER } from '@/lib/tagger/event-types';

describe('the event types the guard listens for', () => {
  it.each(['click', 'keydown', 'pointerover', 'wheel', 'beforeinput', 'contextmenu', 'dragstart'])(
    'stops %s, an input of the shopper',
    (type) => expect(GUARDED).toContain(type),
  );

  it.each([
    'textInput',
    'DOMActivate',
    'selectionchange',
    'focusin',
    'compositionupdate',
    'mouseenter',
    'pointerenter',
  ])('names %s, which has no handler property everywhere', (type) =>
    expect(GUARDED).toContain(type),
  );

  it.each(['load', 'toggle', 'close', 'animationstart', 'transitionend', 'DOMNodeInserted'])(
    'hears %s, which the tagger layer itself can fire',
    (type) => expect(GUARDED).toContain(type),
  );

  it.each([
    'unload',
    'beforeunload',
    'devicemotion',
    'deviceorientation',
    'gamepadconnected',
    'storage',
    'visibilitychange',
    'pagehide',
  ])('leaves %s to the page: listening for it changes or costs the page', (type) => {
    expect(GUARDED).not.toContain(type);
    expect(LEFT_TO_PAGE).toContain(type);
  });

  it('classifies each type once', () => {
    const all = [...GUARDED, ...LEFT_TO_PAGE];
    expect(new Set(all).size).toBe(all.length);
  });

  it('listens for every type it stops on its way to the page', () => {
    for (const type of SHOPPER) expect(GUARDED).toContain(type);
    for (const type of ENVIRONMENT) expect([...GUARDED, ...LEFT_TO_PAGE]).toContain(type);
  });
});
