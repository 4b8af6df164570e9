import { describe, expect, it } from 'vitest';
import { checkedCapture, TabChangedError, type ActiveTab } from '@/lib/background/tab-shot';

const PAGE = 'http://northwind.localhost/checkout.html';
const tagged: ActiveTab = { id: 7, url: PAGE };

/** A window whose active tab is `before` until the shot is taken, then `after`. */
function windowOf(before: ActiveTab | undefined, after: ActiveTab | undefined) {
  let shot = false;
  return {
    activeTabOf: async () => (shot ? after : before),
    capture: async () => {
      shot = true;
      return 'data:image/png;base64,AA==';
    },
  };
}

describe('a screenshot of the tagged tab only', () => {
  it('passes the shot through when the same tab shows the same page before and after', async () => {
    const w = windowOf(tagged, tagged);
    await expect(checkedCapture(w.activeTabOf, w.capture, 7)(1)).resolves.toMatch(/^data:/);
  });

  it.each([
    ['another tab was in front', { id: 8, url: PAGE }, tagged, 'before'],
    ['no tab was in front', undefined, tagged, 'before'],
    ['another tab came in front during the shot', tagged, { id: 8, url: PAGE }, 'after'],
    ['the page changed during the shot', tagged, { id: 7, url: `${PAGE}#paid` }, 'after'],
  ])('drops it when %s', async (_name, before, after, when) => {
    const w = windowOf(before, after);
    const error = await checkedCapture(w.activeTabOf, w.capture, 7)(1).catch((e) => e);
    expect(error).toBeInstanceOf(TabChangedError);
    expect(String(error)).toContain(when);
  });
});
