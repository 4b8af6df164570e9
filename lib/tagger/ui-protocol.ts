import type { TouchpointForm } from '../messaging/protocol';
import type { TaggerView } from './view';

/**
 * What the tagger's UI frame and the content script say to each other over their private
 * `MessagePort` (see `ui-frame.ts`). The frame is an extension page: the shopper's clicks and
 * key presses in it happen in the extension's own document, never in the page's.
 */

/** What the UI frame draws of a view: all of it but the context and the highlight. */
export type FrameView = Omit<TaggerView, 'context' | 'hover'>;

/** A pointer, wheel or key event on the frame's picking surface, as the picker reads it. */
export interface SurfaceEvent {
  type: string;
  clientX?: number;
  clientY?: number;
  button?: number;
  detail?: number;
  deltaY?: number;
  key?: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  shiftKey?: boolean;
  metaKey?: boolean;
  /** When it happened, on the clock every document shares (see `eventTime`). */
  at?: number;
}

/**
 * From the content script to the frame: what to show, or a key the shopper meant for the
 * panel that the page caught by taking the focus (it goes where the panel's focus was).
 */
export type ToUi =
  /**
   * `room`: the tallest the frame is made (px); a taller panel scrolls inside itself.
   * `context` comes only when it changed (the frame keeps the last one). The view comes
   * without the highlight (the page layer draws it): a pointer move that changes nothing
   * the frame shows sends nothing.
   */
  | {
      kind: 'view';
      view: FrameView;
      context?: TaggerView['context'];
      room: number;
    }
  | { kind: 'key'; event: SurfaceEvent }
  /**
   * Asks the frame to say (`drawn`, same `seq`) once what it was sent before is on the screen
   * at this size, its own size in the page (CSS px).
   */
  | { kind: 'whenDrawn'; seq: number; width: number; height: number };

/** From the frame to the content script. */
export type FromUi =
  | { kind: 'ready' }
  /** The answer to `whenDrawn`: the frame has drawn at this size (its viewport, CSS px). */
  | { kind: 'drawn'; seq: number; width: number; height: number }
  /** The panel's natural size (the frame is sized to it while the panel is open). */
  | { kind: 'size'; width: number; height: number }
  | { kind: 'surface'; event: SurfaceEvent }
  /**
   * The panel dragged by its header: where the pointer is, in the frame's coordinates and on
   * the screen (which the frame's moving does not change).
   */
  | {
      kind: 'drag';
      phase: 'start' | 'move' | 'end';
      x: number;
      y: number;
      screenX: number;
      screenY: number;
    }
  | { kind: 'setPickMode'; mode: 'element' | 'region' }
  | { kind: 'pickPage' }
  | { kind: 'cancelPicking' }
  | { kind: 'change'; form: TouchpointForm }
  | { kind: 'save' }
  | { kind: 'retake' }
  | { kind: 'cancel' }
  | { kind: 'escape' }
  | { kind: 'openPopup' };

/** The frame's page, relative to the extension's root. */
export const UI_PAGE = '/tagger-ui.html';

/** Fields of a DOM event copied onto a `SurfaceEvent`. */
const SURFACE_KEYS = [
  'clientX',
  'clientY',
  'button',
  'detail',
  'deltaY',
  'key',
  'altKey',
  'ctrlKey',
  'shiftKey',
  'metaKey',
] as const;

/**
 * When `e` happened, in milliseconds since the epoch: the one clock the page's documents and
 * the UI frame's share, so events that reach the tagger by different ways can be put in order.
 */
export const eventTime = (e: Event): number => performance.timeOrigin + e.timeStamp;

/** The plain copy of an event of the picking surface (structured-clonable). */
export function toSurfaceEvent(e: Event): SurfaceEvent {
  const out: Record<string, unknown> = { type: e.type, at: eventTime(e) };
  for (const key of SURFACE_KEYS)
    if (key in e) out[key] = (e as unknown as Record<string, unknown>)[key];
  return out as unknown as SurfaceEvent;
}
