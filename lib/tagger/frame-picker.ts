import { cssFromElement } from '../anchoring/css-selector';
import { sendToBackground } from '../messaging/client';
import type { FramePick } from '../messaging/protocol';
import { hasCardFields } from './card-fields';
import type { GuardState } from './event-guard';
import { findFrameElement, frameContentOrigin, toParentViewport } from './frames';
import { mountGuarded, unmountGuarded } from './guarded-layer';
import type { HostLayer } from './host';
import { createPicker, type PickResult } from './picker';
import { drawn } from './drawn';
import { describePick, liveRect } from './place';
import type { Renderer } from './controller';
import { initialView, pickerViewOf, type TaggerActions, type TaggerView } from './view';

const noActions: TaggerActions = {
  setPickMode: () => undefined,
  pickPage: () => undefined,
  cancelPicking: () => undefined,
  change: () => undefined,
  save: () => undefined,
  retake: () => undefined,
  cancel: () => undefined,
  escape: () => undefined,
  openPopup: () => undefined,
  startDrag: () => undefined,
};

/**
 * The picker of a sub-frame (a chat widget's iframe, same- or cross-origin): it runs while the
 * top frame picks, shows only the highlight, and reports a pick to the top frame through the
 * background, which opens the panel there. ↑ from <html> hands over to the parent so the
 * iframe itself can be tagged whole. Picks travel up one frame at a time: a frame holding
 * frames adds its iframe's selector to the anchor's frame path and its offset to the box.
 */
export function createFramePicker(guard: GuardState, css: string, render: Renderer) {
  let layer: HostLayer | null = null;
  let view: TaggerView = initialView(false);
  const update = (patch: Partial<TaggerView>) => {
    view = { ...view, ...patch };
    if (layer) render(layer.container, view, noActions);
  };

  /** Resolves once the highlight of the last pick is off the screen, out of its screenshot. */
  let gone: Promise<void> = Promise.resolve();

  function stop(): void {
    if (!layer) return;
    unmountGuarded(guard, layer, render, noActions);
    layer = null;
    gone = drawn();
  }

  const toParent = (pick: FramePick) =>
    void sendToBackground('relay', { to: 'parent', type: 'framePicked', payload: pick });

  function report(pick: PickResult): void {
    const { anchor } = describePick(pick, document);
    const card = pick.element ? hasCardFields(pick.element) : false;
    stop();
    toParent({
      anchor,
      viewportRect: pick.viewportRect,
      frameUrl: location.href,
      hasCardFields: card,
    });
  }

  /** A frame inside this one picked something: pass it up in this frame's terms. */
  function onChildPick(pick: FramePick): void {
    if (!layer) return;
    stop();
    const frame = findFrameElement(document, pick.fromFrameId, pick.frameUrl);
    const origin = frame ? frameContentOrigin(frame) : { x: 0, y: 0 };
    const step = frame ? cssFromElement(frame) : pick.frameUrl;
    toParent({
      anchor: { ...pick.anchor, framePath: [step, ...pick.anchor.framePath] },
      viewportRect: toParentViewport(pick.viewportRect, origin),
      frameUrl: location.href,
      hasCardFields: pick.hasCardFields,
    });
  }

  /** A frame inside this one handed over (↑ from its <html>): pick its iframe element here. */
  function onChildBeyondRoot(frameUrl: string, frameId: number | undefined): void {
    if (!layer) return;
    const frame = findFrameElement(document, frameId, frameUrl);
    const rect = liveRect(frame);
    if (frame && rect) report({ kind: 'element', element: frame, viewportRect: rect });
  }

  function start(): void {
    if (layer) return;
    layer = mountGuarded(guard, css);
    view = initialView(false);
    const picker = createPicker({
      doc: document,
      host: () => guard.host,
      view: pickerViewOf(update),
      onPick: report,
      onCancel() {
        stop();
        void sendToBackground('relay', {
          to: 'top',
          type: 'setFramePicking',
          payload: { active: false },
        });
      },
      onBeyondRoot() {
        stop();
        void sendToBackground('relay', {
          to: 'parent',
          type: 'pickFrameElement',
          payload: { frameUrl: location.href },
        });
      },
    });
    guard.modal = picker.handle;
    update({ phase: 'picking' });
  }

  return { start, stop, onChildPick, onChildBeyondRoot, shotReady: () => gone };
}
