import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPicker, type PickResult } from '@/lib/tagger/picker';
import { capturePristine } from '@/lib/tagger/pristine';
import type { SurfaceEvent } from '@/lib/tagger/ui-protocol';

/** Two buttons side by side; what the (fake) engine answers is under a viewport point. */
let buy: HTMLButtonElement;
let later: HTMLButtonElement;
const under = (x: number): Element => (x < 100 ? buy : later);

beforeEach(() => {
  buy = document.createElement('button');
  buy.textContent = 'Buy now';
  later = document.createElement('button');
  later.textContent = 'Later';
  document.body.replaceChildren(buy, later);
  const p = capturePristine();
  // Frames are run by the test; the hit test asks the engine what is at a point.
  p.requestAnimationFrame = () => 0;
  p.elementFromPoint = (x: number) => under(x);
});

/** Now on the clock the picker compares press times with (see `eventTime`). */
const clock = () => performance.timeOrigin + performance.now();

/** The picking surface's copy of a pointer event, as the UI frame sends it. */
const surface = (type: string, x: number, extra: Partial<SurfaceEvent> = {}) =>
  ({ type, clientX: x, clientY: 10, button: 0, at: clock(), ...extra }) as unknown as Event;

function picker() {
  const picks: PickResult[] = [];
  const p = createPicker({
    doc: document,
    host: () => null,
    view: { hover: vi.fn() },
    onPick: (r) => picks.push(r),
    onCancel: vi.fn(),
  });
  return { p, picks };
}

describe('a page showing a dialog while the shopper presses', () => {
  it('picks what the press went down on as the layer is shown again, before any release', () => {
    const { p, picks } = picker();
    p.handle(surface('pointermove', 40));
    p.handle(surface('pointerdown', 40));
    expect(picks).toHaveLength(0);
    p.shownAgain();
    expect(picks.map((r) => r.element)).toEqual([buy]);
  });

  it('picks when the press reaches it only after the layer was shown again', () => {
    const { p, picks } = picker();
    const pressed = clock() - 5;
    p.shownAgain();
    expect(picks).toHaveLength(0);
    p.handle(surface('pointerdown', 150, { at: pressed }));
    expect(picks.map((r) => r.element)).toEqual([later]);
  });

  it('waits for the click when the press came after the layer was shown again', () => {
    const { p, picks } = picker();
    p.shownAgain();
    p.handle(surface('pointerdown', 150, { at: clock() + 1_000 }));
    expect(picks).toHaveLength(0);
    p.handle(surface('pointerup', 150));
    p.handle(surface('click', 150));
    expect(picks.map((r) => r.element)).toEqual([later]);
  });

  it.each([
    ['released', [surface('pointerdown', 40), surface('pointerup', 40)]],
    ['cancelled by the browser', [surface('pointerdown', 40), surface('pointercancel', 40)]],
    ['made with the right button', [surface('pointerdown', 40, { button: 2 })]],
  ])('picks nothing for a press %s', (_how, events) => {
    const { p, picks } = picker();
    for (const e of events) p.handle(e);
    p.shownAgain();
    expect(picks).toHaveLength(0);
  });

  it('leaves a rectangle being dragged to its release', () => {
    const { p, picks } = picker();
    p.setMode('region');
    p.handle(surface('pointerdown', 10));
    p.shownAgain();
    expect(picks).toHaveLength(0);
    p.handle(surface('pointermove', 90, { clientY: 60 }));
    p.handle(surface('pointerup', 90, { clientY: 60 }));
    expect(picks.map((r) => r.kind)).toEqual(['region']);
  });
});
