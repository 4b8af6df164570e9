import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TouchpointForm } from '@/lib/messaging/protocol';
import { toSurfaceEvent, type FromUi } from '@/lib/tagger/ui-protocol';
import type { TaggerActions, TaggerView } from '@/lib/tagger/view';
import { Panel } from './Panel';
import { Toolbar } from './Toolbar';

/** Keys the picker reads while picking (anything else stays with the toolbar's buttons). */
const PICKER_KEYS = new Set(['Escape', 'ArrowUp', 'ArrowDown', 'Enter', '[', ']']);

/** Removes the listeners of the drag under way, if any. */
let stopDragging = (): void => undefined;

/**
 * Moves the panel by its header. The content script moves the frame so the grabbed point stays
 * under the pointer; while the pointer is over the frame its moves are sent from here (in the
 * frame's coordinates), once it is off the frame (or sent to the frame's element rather than
 * into it) the content script sees them on the page.
 */
function startDrag(e: PointerEvent, send: (m: FromUi) => void): void {
  if (e.button !== 0) return;
  // A drag whose release went to the page (see `GuardState.modalOverLayer`) is over too.
  stopDragging();
  const at = (ev: PointerEvent, phase: 'start' | 'move' | 'end'): FromUi => ({
    kind: 'drag',
    phase,
    x: ev.clientX,
    y: ev.clientY,
    screenX: ev.screenX,
    screenY: ev.screenY,
  });
  send(at(e, 'start'));
  const move = (ev: PointerEvent) => send(at(ev, 'move'));
  const end = (ev: PointerEvent) => {
    send(at(ev, 'end'));
    stopDragging();
  };
  addEventListener('pointermove', move);
  addEventListener('pointerup', end);
  addEventListener('pointercancel', end);
  stopDragging = () => {
    removeEventListener('pointermove', move);
    removeEventListener('pointerup', end);
    removeEventListener('pointercancel', end);
    stopDragging = () => undefined;
  };
}

/**
 * What the frame shows: while picking, a transparent surface over the whole page (its pointer,
 * wheel and key events go to the picker in the content script) and the toolbar; then the
 * panel. The form is the frame's own while the shopper edits it (every edit is also sent), so
 * fast typing never waits for a round trip; a new form from the tagger replaces it.
 */
export function UiApp({ view, send }: { view: TaggerView; send: (m: FromUi) => void }) {
  const [edited, setEdited] = useState<{ rev: number; form: TouchpointForm } | null>(null);
  const form = edited && edited.rev === view.formRev ? edited.form : view.form;
  const panelRef = useRef<HTMLDivElement>(null);
  const picking = view.phase === 'picking';
  const panelShown =
    view.isTop && (view.phase === 'panel' || (view.phase === 'capturing' && !!form));

  // Before the frame paints: a key pressed as soon as the toolbar shows (Escape) is not lost.
  useLayoutEffect(() => {
    document.body.classList.toggle('panel-open', panelShown);
    if (panelShown) {
      // Escape with the focus on the frame's document rather than in the panel (the page took
      // the focus and it came back to the frame): the panel's own handler never hears it.
      const onEscape = (e: KeyboardEvent) => {
        if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.keyCode === 229) return;
        e.preventDefault();
        send({ kind: 'escape' });
      };
      addEventListener('keydown', onEscape);
      return () => removeEventListener('keydown', onEscape);
    }
    if (!picking) return;
    // Key presses go to the picker, except those meant for a focused toolbar button.
    const onKey = (e: KeyboardEvent) => {
      const onButton = e.target instanceof HTMLButtonElement;
      if (!PICKER_KEYS.has(e.key) || (onButton && e.key !== 'Escape')) return;
      e.preventDefault();
      send({ kind: 'surface', event: toSurfaceEvent(e) });
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [picking, panelShown]);

  // The panel's natural size: the frame is made that big (within the viewport).
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const report = () =>
      send({ kind: 'size', width: panel.offsetWidth, height: panel.offsetHeight });
    const observer = new ResizeObserver(report);
    observer.observe(panel);
    return () => observer.disconnect();
  }, [panelShown]);

  // A new pick: the focus goes to the panel's first control.
  useEffect(() => {
    if (view.phase !== 'panel') return;
    panelRef.current
      ?.querySelector<HTMLElement>('select, textarea, input, button:not(:disabled)')
      ?.focus({ preventScroll: true });
  }, [view.formRev, view.phase === 'panel']);

  const actions: TaggerActions = {
    setPickMode: (mode) => send({ kind: 'setPickMode', mode }),
    pickPage: () => send({ kind: 'pickPage' }),
    cancelPicking: () => send({ kind: 'cancelPicking' }),
    change(next) {
      setEdited({ rev: view.formRev, form: next });
      send({ kind: 'change', form: next });
    },
    // Nothing outside this extension page can make a trusted event in it.
    save: (e) => e.isTrusted && send({ kind: 'save' }),
    retake: (e) => e.isTrusted && send({ kind: 'retake' }),
    cancel: () => send({ kind: 'cancel' }),
    escape: () => send({ kind: 'escape' }),
    openPopup: () => send({ kind: 'openPopup' }),
    startDrag: (e) => startDrag(e, send),
  };

  if (picking) {
    const surface = (e: Event) => {
      e.preventDefault();
      send({ kind: 'surface', event: toSurfaceEvent(e) });
    };
    return (
      <>
        <div
          class="surface"
          onPointerMove={surface}
          onPointerDown={surface}
          onPointerUp={surface}
          onClick={surface}
          onWheel={surface}
          onContextMenu={(e) => e.preventDefault()}
        />
        {view.isTop && <Toolbar mode={view.pickMode} actions={actions} atTop={view.toolbarUp} />}
      </>
    );
  }
  if (!panelShown) return null;
  return (
    <div ref={panelRef}>
      <Panel
        view={{ ...view, form }}
        actions={actions}
        hidden={view.phase === 'capturing'}
        unseen={view.phase === 'capturing' && !!view.opening}
      />
    </div>
  );
}
