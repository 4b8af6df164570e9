import type { Box } from '../anchoring/position';
import type { ModalHandler } from './event-guard';
import { visibleTextStart } from '../anchoring/text-quote';
import { hitTest, parentOf, stackAt } from './hit-test';
import { timePointerMove } from './perf';
import { pristine } from './pristine';
import { eventTime, type SurfaceEvent } from './ui-protocol';

/** What the shopper picked: an element, the whole page, or a dragged region (viewport box). */
export interface PickResult {
  kind: 'element' | 'page' | 'region';
  element: Element | null;
  viewportRect: Box;
}

/** Where the picker draws: the highlight box with its label, and the region being dragged. */
export interface PickerView {
  /** `letThrough`: the pointer is over a frame, whose own picker takes it from here. */
  hover(rect: Box | null, label: string, letThrough: boolean): void;
}

/** A running picker. */
export interface Picker {
  /** The guard's modal handler: takes every trusted event while picking. */
  handle: ModalHandler;
  /** Switches between pointing at elements and dragging a rectangle. */
  setMode(mode: 'element' | 'region'): void;
  /** Picks the whole page. */
  pickPage(): void;
  /**
   * The tagger's layer was just shown again above something of the page: a press begun before
   * then picks now, whether or not its release ever comes (see `createPicker`).
   */
  shownAgain(): void;
}

const FRAME = /^i?frame$/;

const box = (r: DOMRect): Box => ({ x: r.left, y: r.top, width: r.width, height: r.height });

/**
 * `h1 “Spring sale” 640×48 · 2/5`: what the highlight's label says will be tagged — the tag,
 * the start of its text, its size and, while cycling through a stack, where in the stack it is.
 */
export function describeElement(el: Element, r: Box, place?: { at: number; of: number }): string {
  const text = visibleTextStart(el, 29);
  const quote = text ? ` “${text.length > 28 ? `${text.slice(0, 28)}…` : text}”` : '';
  const size = `${Math.round(r.width)}×${Math.round(r.height)}`;
  return `${el.localName}${quote} ${size}${place ? ` · ${place.at}/${place.of}` : ''}`;
}

/** When an event the picker handles happened: a surface copy says, a live event knows. */
const timeOf = (e: Event): number => (e as unknown as SurfaceEvent).at ?? eventTime(e);

/**
 * The picker: highlights the element under the pointer (measured once per animation frame),
 * looking through layers that draw nothing; moves to the parent or child with the wheel or
 * ↑/↓, cycles through everything stacked under the pointer with Alt+wheel or [ / ], picks on
 * click or Enter, cancels on Escape, and in region mode picks a dragged rectangle. Everything
 * it handles is blocked from the page by the guard: clicking "Place order" only picks it.
 *
 * A page may show a dialog of its own while the shopper is pressing (between the button going
 * down and coming up). The layer then goes back above it, and the browser sometimes drops the
 * release that follows: the UI frame was moved while pressed. A press begun before the layer
 * was shown again therefore picks at once, what was under it as it went down.
 */
export function createPicker(opts: {
  doc: Document;
  host: () => Element | null;
  view: PickerView;
  onPick: (result: PickResult) => void;
  onCancel: () => void;
  /** ↑ or wheel-up from <html>: in a sub-frame, hands over to the parent to pick the frame. */
  onBeyondRoot?: () => void;
}): Picker {
  const { doc, view } = opts;
  let mode: 'element' | 'region' = 'element';
  let current: Element | null = null;
  /** What the hit test answered last; the shopper's moves (↑/↓, cycling) start from it. */
  let base: Element | null = null;
  const below: Element[] = [];
  /** Everything under the pointer while cycling with Alt+wheel or [ / ], topmost first. */
  let stack: Element[] | null = null;
  let point: { x: number; y: number } | null = null;
  let frameRequested = false;
  let dragFrom: { x: number; y: number } | null = null;
  let region: Box | null = null;
  /** When the press not yet released went down (element mode). */
  let pressedAt: number | null = null;
  /** When the layer was last shown again above something of the page (`shownAgain`). */
  let shownAgainAt = -Infinity;

  const show = () => {
    if (mode === 'region') {
      const size = region ? `${Math.round(region.width)}×${Math.round(region.height)}` : '';
      view.hover(region, size, false);
      return;
    }
    if (!current) return view.hover(null, '', false);
    const r = box(current.getBoundingClientRect());
    const at = stack ? stack.indexOf(current) : -1;
    view.hover(
      r,
      describeElement(current, r, at >= 0 ? { at: at + 1, of: stack!.length } : undefined),
      !!base && FRAME.test(base.localName),
    );
  };

  // The per-frame work (hit test, measuring, drawing) is what the bench's figure times.
  const onFrame = () =>
    timePointerMove(() => {
      frameRequested = false;
      if (point && mode === 'element' && !dragFrom) {
        const el = hitTest(doc, point.x, point.y, opts.host());
        if (el && el !== base) {
          base = el;
          current = el;
          below.length = 0;
          stack = null;
        }
      }
      show();
    });
  const schedule = () => {
    if (frameRequested) return;
    frameRequested = true;
    pristine().requestAnimationFrame(onFrame);
  };

  const up = () => {
    if (!current) return;
    const parent = parentOf(current);
    if (!parent || current === doc.documentElement) return opts.onBeyondRoot?.();
    below.push(current);
    current = parent;
    show();
  };
  const down = () => {
    const next = below.pop() ?? current?.firstElementChild ?? null;
    if (next) current = next;
    show();
  };
  /** Steps through everything stacked under the pointer (looked-through layers included). */
  const cycle = (step: 1 | -1) => {
    if (!point || !current) return;
    if (!stack) {
      stack = stackAt(doc, point.x, point.y, opts.host());
      if (!stack.includes(current)) stack.unshift(current);
    }
    const n = stack.length;
    current = stack[(stack.indexOf(current) + step + n) % n]!;
    below.length = 0;
    show();
  };
  /**
   * A click (or a press) at `x`, `y`: a move not yet measured (its frame still to come) counts,
   * so it is for what is under it, unless the shopper stepped from there with the wheel or keys.
   */
  const settleAt = (x: number, y: number) => {
    if (current && !frameRequested) return;
    const el = hitTest(doc, x, y, opts.host());
    if (el && el !== base) {
      base = el;
      current = el;
      below.length = 0;
      stack = null;
    }
  };
  const pickCurrent = () => {
    pressedAt = null;
    if (current)
      opts.onPick({
        kind: 'element',
        element: current,
        viewportRect: box(current.getBoundingClientRect()),
      });
  };

  const handle: ModalHandler = (e) => {
    const m = e as MouseEvent;
    switch (e.type) {
      case 'pointermove':
      case 'mousemove':
        point = { x: m.clientX, y: m.clientY };
        if (dragFrom) {
          region = {
            x: Math.min(dragFrom.x, m.clientX),
            y: Math.min(dragFrom.y, m.clientY),
            width: Math.abs(m.clientX - dragFrom.x),
            height: Math.abs(m.clientY - dragFrom.y),
          };
        }
        schedule();
        return true;
      case 'pointerdown':
        if (mode === 'region') dragFrom = { x: m.clientX, y: m.clientY };
        else if (m.button === 0) {
          settleAt(m.clientX, m.clientY);
          pressedAt = timeOf(e);
          // Told late (the frame's copy crossed the layer being shown again): picks now.
          if (pressedAt < shownAgainAt) pickCurrent();
        }
        return true;
      case 'pointercancel':
        pressedAt = null;
        return true;
      case 'pointerup':
        pressedAt = null;
        if (mode === 'region' && dragFrom && region && region.width > 4 && region.height > 4) {
          dragFrom = null;
          opts.onPick({ kind: 'region', element: null, viewportRect: region });
        }
        dragFrom = null;
        return true;
      case 'click':
        if (mode === 'element') {
          settleAt(m.clientX, m.clientY);
          pickCurrent();
        }
        return true;
      case 'wheel': {
        if (mode !== 'element') return true;
        const w = e as WheelEvent;
        if (w.altKey) cycle(w.deltaY < 0 ? -1 : 1);
        else (w.deltaY < 0 ? up : down)();
        return true;
      }
      case 'keydown': {
        const key = (e as KeyboardEvent).key;
        if (key === 'Escape') opts.onCancel();
        else if (key === 'ArrowUp') up();
        else if (key === 'ArrowDown') down();
        else if (key === 'Enter') pickCurrent();
        else if (key === ']' || key === '[') cycle(key === ']' ? 1 : -1);
        return true;
      }
      case 'focus':
      case 'blur':
      case 'focusin':
      case 'focusout':
        return false;
      default:
        return true;
    }
  };

  return {
    handle,
    setMode(next) {
      mode = next;
      region = null;
      dragFrom = null;
      show();
    },
    shownAgain() {
      shownAgainAt = performance.timeOrigin + performance.now();
      if (mode === 'element' && pressedAt !== null) pickCurrent();
    },
    pickPage() {
      const view = doc.defaultView;
      opts.onPick({
        kind: 'page',
        element: doc.documentElement,
        viewportRect: { x: 0, y: 0, width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
      });
    },
  };
}
