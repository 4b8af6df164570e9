/** Moves the panel with the pointer; events come both from the page and from the shadow root. */
export interface PanelDrag {
  /** Starts a drag from a pointerdown on the header. */
  start(e: PointerEvent, panel: HTMLElement): void;
  /** Feeds a pointer event; true while a drag is in progress (the event is then ours). */
  feed(e: Event): boolean;
}

/** A drag helper that reports the panel's new top-left corner, kept inside the viewport. */
export function createPanelDrag(
  onMove: (at: { x: number; y: number }) => void,
  onEnd: () => void,
): PanelDrag {
  let from: { dx: number; dy: number; w: number; h: number } | null = null;
  return {
    start(e, panel) {
      if (e.button !== 0) return;
      const r = panel.getBoundingClientRect();
      from = { dx: e.clientX - r.left, dy: e.clientY - r.top, w: r.width, h: r.height };
    },
    feed(e) {
      if (!from) return false;
      const m = e as PointerEvent;
      if (e.type === 'pointermove' || e.type === 'mousemove') {
        const x = Math.min(Math.max(0, m.clientX - from.dx), Math.max(0, innerWidth - from.w));
        const y = Math.min(Math.max(0, m.clientY - from.dy), Math.max(0, innerHeight - 40));
        onMove({ x, y });
      } else if (e.type === 'pointerup' || e.type === 'pointercancel') {
        from = null;
        onEnd();
      }
      return true;
    },
  };
}
