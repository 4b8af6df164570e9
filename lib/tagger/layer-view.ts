import type { Box } from '../anchoring/position';
import { placeBox } from './host';
import { pristine } from './pristine';
import type { TaggerView } from './view';

/** The three parts of a layer's drawing, made once per container. */
interface Parts {
  catcher: HTMLElement;
  hover: HTMLElement;
  label: HTMLElement;
  selected: HTMLElement;
}

const drawn = new WeakMap<HTMLElement, Parts>();

function make(container: HTMLElement): Parts {
  const p = pristine();
  const el = (className: string) => {
    const node = p.createElement.call(document, 'div') as HTMLElement;
    node.className = className;
    return node;
  };
  const catcher = el('catcher');
  catcher.setAttribute('data-catcher', '');
  const hover = el('highlight');
  const label = p.createElement.call(document, 'span') as HTMLElement;
  label.className = 'highlight-label';
  p.appendChild.call(hover, label);
  const selected = el('highlight selected');
  for (const part of [catcher, hover, selected]) p.appendChild.call(container, part);
  return { catcher, hover, label, selected };
}

const show = (el: HTMLElement, on: boolean, at?: Box | null) => {
  if (el.hidden === on) el.hidden = !on;
  if (on && at) placeBox(el, at);
};

/**
 * Draws a view's part that lives in the page's layer (the toolbar and the panel are the UI
 * frame's): the layer catching the pointer while picking (let through over a frame, whose own
 * picker takes it) and while a screenshot is taken, the highlight under the pointer with its
 * label (page text, set as text), and the tagged thing's outline while the panel is open. A
 * null view takes it all away. Plain DOM: the content script carries no UI library.
 */
export function renderLayer(container: HTMLElement, view: TaggerView | null): void {
  if (!view) {
    const parts = drawn.get(container);
    if (parts) for (const part of [parts.catcher, parts.hover, parts.selected]) part.remove();
    drawn.delete(container);
    return;
  }
  let parts = drawn.get(container);
  if (!parts) drawn.set(container, (parts = make(container)));
  const capturing = view.phase === 'capturing' || !!view.shooting;
  show(parts.catcher, view.phase === 'picking' || capturing);
  const catcher = view.letThrough && !capturing ? 'catcher through' : 'catcher';
  // Drawn every frame the pointer moves: what did not change is not written again.
  if (parts.catcher.className !== catcher) parts.catcher.className = catcher;
  const hovering = !capturing && view.phase === 'picking' && !!view.hover;
  show(parts.hover, hovering, view.hover?.rect);
  const label = hovering ? view.hover!.label : '';
  if (parts.label.textContent !== label) parts.label.textContent = label;
  show(parts.selected, !capturing && view.phase === 'panel' && !!view.selected, view.selected);
}
