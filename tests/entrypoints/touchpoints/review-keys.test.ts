import { describe, expect, it } from 'vitest';
import { reviewKeyOf } from '../../../entrypoints/touchpoints/review-keys';

const press = (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
};

describe('reviewKeyOf', () => {
  it.each([
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['ArrowUp', 'previous'],
    ['c', 'comment'],
    ['a', 'approve'],
    ['r', 'return'],
    ['x', undefined],
    ['Enter', undefined],
  ])('%s on the page means %s', (key, action) => {
    expect(reviewKeyOf(press(key))).toBe(action);
  });

  it.each(['textarea', 'input', 'select'])('never fires while typing in a %s', (tag) => {
    expect(reviewKeyOf(press('a', document.createElement(tag)))).toBeUndefined();
  });

  it('leaves keys with a modifier to the browser', () => {
    expect(reviewKeyOf(press('r', document.body, { ctrlKey: true }))).toBeUndefined();
    expect(reviewKeyOf(press('a', document.body, { metaKey: true }))).toBeUndefined();
  });
});
