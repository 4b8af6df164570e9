// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderLayer } from '@/lib/tagger/layer-view';
import { initialView, type TaggerView } from '@/lib/tagger/view';

const view = (patch: Partial<TaggerView>): TaggerView => ({ ...initialView(true), ...patch });
const shown = (root: HTMLElement, selector: string) =>
  [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => !el.hidden);

describe('the page layer of the tagger', () => {
  it('while picking, catches the pointer and outlines the element under it with its label as text', () => {
    const root = document.createElement('div');
    const label = '<img src=x onerror=alert(1)> “Spring sale”';
    renderLayer(root, view({ hover: { rect: { x: 10, y: 20, width: 30, height: 40 }, label } }));
    expect(shown(root, '[data-catcher]')).toHaveLength(1);
    const [box] = shown(root, '.highlight:not(.selected)');
    expect(box!.style.left).toBe('10px');
    expect(box!.style.height).toBe('40px');
    expect(box!.textContent).toBe(label);
    expect(root.querySelector('img')).toBeNull();
  });

  it('lets the pointer through over a frame, and hides the outline while a screenshot is taken', () => {
    const root = document.createElement('div');
    const hover = { rect: { x: 0, y: 0, width: 5, height: 5 }, label: 'a' };
    renderLayer(root, view({ hover, letThrough: true }));
    expect(root.querySelector('[data-catcher]')!.className).toBe('catcher through');
    renderLayer(root, view({ hover, phase: 'capturing' }));
    expect(shown(root, '.highlight')).toEqual([]);
    expect(root.querySelector('[data-catcher]')!.className).toBe('catcher');
    expect(shown(root, '[data-catcher]')).toHaveLength(1);
  });

  it('outlines the tagged box while the panel is open, not while its screenshot is taken', () => {
    const root = document.createElement('div');
    const selected = { x: 1, y: 2, width: 3, height: 4 };
    renderLayer(root, view({ phase: 'panel', selected }));
    expect(shown(root, '.highlight.selected')).toHaveLength(1);
    expect(shown(root, '[data-catcher]')).toEqual([]);
    renderLayer(root, view({ phase: 'panel', selected, shooting: true }));
    expect(shown(root, '.highlight.selected')).toEqual([]);
    expect(shown(root, '[data-catcher]')).toHaveLength(1);
  });

  it('takes everything away for a null view', () => {
    const root = document.createElement('div');
    renderLayer(root, view({}));
    renderLayer(root, null);
    expect(root.children).toHaveLength(0);
  });
});
