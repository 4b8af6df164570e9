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
});
