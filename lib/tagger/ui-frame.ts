import type { Box } from '../anchoring/position';
import { t } from '../i18n/translate';
import { extensionId, extensionUrl } from '../messaging/runtime';
import { RETIRE_MS } from './host';
import {
  DEFAULT_SPOT,
  overlaps,
  PANEL_MARGIN as MARGIN,
  PANEL_WIDTH,
  panelSpotBeside,
  spotBox,
  type PanelSpot,
} from './panel-spot';
import { pristine } from './pristine';
import { toSurfaceEvent, UI_PAGE, type FrameView, type FromUi, type ToUi } from './ui-protocol';
import type { TaggerView } from './view';

/** The content script's end of the tagger's UI frame. */
export interface UiFrame {
  /** Shows this view in the frame (sent as soon as the frame is ready). */
  show(view: TaggerView): void;
  /** Puts the keyboard focus in the frame. */
  focus(): void;
  /** Hands the frame a key the page caught (see `ToUi`). */
  key(e: KeyboardEvent): void;
  /**
   * Resolves once the frame's document has drawn at the size the frame has now: at once when
   * it already said so, at the latest after `DRAWN_LIMIT_MS`. The frame draws in its own
   * process; until it has drawn at a new size, the browser may go on showing the page as it
   * was before.
   */
  drawn(): Promise<void>;
  /**
   * Places the panel a new pick opens clear of `keep` (the picked element with the margin the
   * screenshot keeps around it) where there is room for it, in its usual place when `keep` is
   * null (a panel reopened on a draft). Answers whether the panel is clear of `keep`.
   */
  openBeside(keep: Box | null): boolean;
  /** Where the frame is in the viewport. */
  rect(): DOMRect;
  /** Moves the open panel's top-left corner there (kept inside the viewport). */
  moveTo(x: number, y: number): void;
  /** Takes the frame away. */
  destroy(): void;
}

/**
 * The origin the frame's document has. Chromium loads a dynamic address (`use_dynamic_url`)
 * as the extension's own origin, named by its id; Firefox's address is already its origin.
 */
function frameOrigin(url: string): string {
  const { protocol, origin } = new URL(url);
  return protocol === 'chrome-extension:' ? `chrome-extension://${extensionId()}` : origin;
}

/** Whether two views hold the same values, field by field (a view's parts are never edited). */
function sameFields(a: FrameView, b: FrameView): boolean {
  const keys = Object.keys(a) as (keyof FrameView)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The longest `drawn()` waits for the frame (one that never answers must not hold a shot). */
export const DRAWN_LIMIT_MS = 1_000;
/** The least height a panel dragged down keeps: its header and a few fields. */
const DRAGGED_ROOM = 200;

/**
 * Puts the tagger's picking surface, toolbar and scoring panel in a frame of the extension's
 * own origin, inside the (closed) shadow root `slot` belongs to. The shopper's key presses,
 * clicks and focus in it never exist in the page's document, so no listener of the page —
 * not even one registered ahead of ours after `document.open()` — can read a note or see the
 * click on Save. The frame is reached only through a `MessagePort` handed to it with a secret
 * it got in its address (which the page cannot read: the frame element sits in a closed root);
 * if anything navigates the frame, it is thrown away and `onLost` makes a new one.
 */
export function createUiFrame(
  slot: HTMLElement,
  onMessage: (message: FromUi) => void,
  onLost: () => void,
): UiFrame {
  const p = pristine();
  const secret = crypto.randomUUID();
  const url = `${extensionUrl(UI_PAGE)}#${secret}`;
  const frame = p.createElement.call(document, 'iframe') as HTMLIFrameElement;
  frame.className = 'ui-frame picking';
  frame.setAttribute('tabindex', '-1');
  frame.title = t('tagger.title');
  frame.src = url;
  let port: MessagePort | null = null;
  let ready = false;
  /** Focus asked for before the frame was ready: its document comes in a navigation that loses it. */
  let focusWanted = false;
  let loads = 0;
  let last: TaggerView | null = null;
  let size = { width: PANEL_WIDTH, height: 0 };
  /** Where the shopper dragged the open panel (its top-left corner). */
  let at: { x: number; y: number } | null = null;
  /** Where the open panel went, clear of what was picked, while not dragged. */
  let spot: PanelSpot = DEFAULT_SPOT;
  const viewport = () => ({ width: innerWidth, height: innerHeight });
  /** `whenDrawn` questions not answered yet, by `seq`. */
  const asked = new Map<number, (drawnAt: { width: number; height: number }) => void>();
  let seq = 0;
  /**
   * The size the frame's document last said it has drawn at. What it draws is never in a
   * screenshot (the panel is away from the shot's box or made transparent for it); its size
   * is what matters: while it has not drawn at the size the page gave it, the browser may go
   * on showing the page as it was before (the highlight too).
   */
  let drawnAt: { width: number; height: number } | null = null;
  const near = (a: number, b: number) => Math.abs(a - b) < 1;
  const drawnAtSize = () =>
    !!drawnAt && near(drawnAt.width, frame.clientWidth) && near(drawnAt.height, frame.clientHeight);

  // The element takes the page's focus, the window the frame's own (its document then gets keys).
  const focusFrame = () => {
    frame.focus({ preventScroll: true });
    frame.contentWindow?.focus();
  };

  const post = (message: ToUi) => port?.postMessage(message);
  /** The context the frame has (none sent yet: `undefined`). */
  let sentContext: TaggerView['context'] | undefined;
  /** What the frame was last sent, to send nothing when nothing it draws changed. */
  let sent: { view: FrameView; room: number } | null = null;
  /**
   * The view to draw and the room it has, once the frame's document listens. Posting to the
   * frame (another process) costs ~0.15 ms; the picker updates the view every frame the
   * pointer moves, mostly only where the page layer's highlight is.
   */
  const postView = () => {
    if (!ready || !last) return;
    const { context, hover: _drawnByTheLayer, ...view } = last;
    const r = room();
    const fresh = context !== sentContext;
    if (!fresh && sent && sent.room === r && sameFields(sent.view, view)) return;
    sentContext = context;
    sent = { view, room: r };
    post({ kind: 'view', view, room: r, ...(fresh && { context }) });
  };

  /**
   * The tallest the panel's frame is made: its band of the viewport (the viewport less a
   * margin above and below, unless it opened above or below what was picked), or, dragged,
   * what is below its top.
   */
  const room = () =>
    at ? Math.max(DRAGGED_ROOM, innerHeight - MARGIN - at.y) : spotBox(spot, viewport()).height;

  /** Where the frame sits and how big it is, for the view's phase. */
  const place = () => {
    const view = last;
    const s = frame.style;
    const picking = !view || view.phase === 'picking';
    frame.className = picking ? 'ui-frame picking' : 'ui-frame panel';
    if (picking) {
      for (const name of ['left', 'top', 'width', 'height']) s.removeProperty(name);
      // Nothing to catch the pointer for until the picker is up (nor where a frame's own
      // picker takes it).
      s.pointerEvents = !view || view.letThrough ? 'none' : '';
      s.opacity = '';
      return;
    }
    s.pointerEvents = '';
    const box = spotBox(spot, viewport());
    const { width } = box;
    // Until the panel says its size, as tall as it may be: never smaller than what it shows.
    const height = Math.min(size.height || room(), room());
    const { x, y } = at ?? box;
    s.left = `${Math.max(0, Math.min(x, innerWidth - width))}px`;
    s.top = `${Math.max(0, Math.min(y, innerHeight - 40))}px`;
    s.width = `${width}px`;
    s.height = `${height}px`;
    // Out of the shot while it is taken, but still where it was.
    s.opacity = view.phase === 'capturing' ? '0' : '';
  };

  // The window made smaller or larger while the panel is open: the panel fits it again. The
  // slot covers the viewport; observed, not heard (a page can stop the window's `resize`).
  const resized = new ResizeObserver(() => {
    if (!last || last.phase === 'picking') return;
    place();
    postView();
  });
  resized.observe(slot);

  /** Set once destroyed: a frame kept a moment longer (see `destroy`) says nothing any more. */
  let gone = false;

  frame.addEventListener('load', () => {
    if (gone) return;
    if (++loads > 1) {
      // Navigated by someone else (our page never reloads): it may not be ours any more.
      ui.destroy();
      onLost();
      return;
    }
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (e: MessageEvent<FromUi>) => {
      const message = e.data;
      if (message.kind === 'drawn') {
        asked.get(message.seq)?.(message);
        asked.delete(message.seq);
      } else if (message.kind === 'ready') {
        ready = true;
        postView();
        if (focusWanted) focusFrame();
      } else if (message.kind === 'size') {
        size = { width: message.width, height: message.height };
        place();
      } else onMessage(message);
    };
    frame.contentWindow?.postMessage({ tpa: secret }, frameOrigin(url), [channel.port2]);
  });
  p.appendChild.call(slot, frame);

  const ui: UiFrame = {
    show(view) {
      // The language arrives with the tagger's context.
      const title = t('tagger.title');
      if (frame.title !== title) frame.title = title;
      if (view.phase === 'picking') at = null;
      // While picking, the frame's place depends on the phase and `letThrough` only: a move
      // of the pointer (a new highlight every frame) leaves the frame's style alone.
      const moved =
        !last ||
        view.phase !== 'picking' ||
        last.phase !== 'picking' ||
        last.letThrough !== view.letThrough;
      last = view;
      if (moved) place();
      postView();
    },
    focus() {
      focusWanted = !ready;
      focusFrame();
    },
    key(e) {
      // Its time goes with it: the panel puts it before the keys typed after it (late-keys.ts).
      if (ready) post({ kind: 'key', event: toSurfaceEvent(e) });
    },
    drawn() {
      if (!ready || gone || drawnAtSize()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let over = false;
        const done = () => {
          over = true;
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, DRAWN_LIMIT_MS);
        // The frame may be resized again meanwhile (the panel says its height once drawn):
        // asked again until it answers at the size it has.
        const ask = () => {
          if (over) return;
          if (gone || !port) return done();
          const n = ++seq;
          asked.set(n, (at) => {
            drawnAt = at;
            if (gone || drawnAtSize()) done();
            else ask();
          });
          post({ kind: 'whenDrawn', seq: n, width: frame.clientWidth, height: frame.clientHeight });
        };
        ask();
      });
    },
    openBeside(keep) {
      // Where the shopper dragged the last panel is forgotten (as when picking began); the view
      // that opens the panel draws it there.
      at = null;
      spot = (keep && panelSpotBeside(keep, viewport())) ?? DEFAULT_SPOT;
      return !keep || !overlaps(keep, spotBox(spot, viewport()));
    },
    rect: () => frame.getBoundingClientRect(),
    moveTo(x, y) {
      // Kept in the viewport, and as tall as the room below its top: a panel dragged down gets
      // shorter (and scrolls inside) rather than leaving its foot, and Save, off the screen.
      at = {
        x: Math.max(0, Math.min(x, innerWidth - spotBox(spot, viewport()).width)),
        y: Math.max(0, Math.min(y, innerHeight - MARGIN - DRAGGED_ROOM)),
      };
      place();
      postView();
    },
    destroy() {
      gone = true;
      for (const answer of asked.values()) answer({ width: 0, height: 0 });
      asked.clear();
      resized.disconnect();
      port?.close();
      port = null;
      // The focus leaves it at once, the frame a moment later (see `RETIRE_MS`): the key or
      // click that closed the panel is still being delivered (a key's release too).
      frame.style.setProperty('display', 'none', 'important');
      frame.className = '';
      frame.blur();
      // The keys go back to the page's document (kept a moment longer, the frame would keep them).
      if (frame.contentWindow && document.hasFocus()) window.focus();
      setTimeout(() => frame.remove(), RETIRE_MS);
    },
  };
  return ui;
}
