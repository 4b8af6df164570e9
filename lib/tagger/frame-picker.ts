import { sendToBackground } from '../messaging/client';
import type { GuardState } from './event-guard';
import { mountHost, type HostLayer } from './host';
import { hasCardFields } from './infer';
import { createPicker } from './picker';
import { describePick } from './place';
import type { Renderer } from './controller';
import { initialView, type TaggerActions, type TaggerView } from './view';

const noActions: TaggerActions = {
  setPickMode: () => undefined,
  pickPage: () => undefined,
  cancelPicking: () => undefined,
  change: () => undefined,
  save: () => undefined,
  cancel: () => undefined,
  openPopup: () => undefined,
  startDrag: () => undefined,
};

/**
 * The picker of a sub-frame (a chat widget's iframe, same- or cross-origin): it runs while the
 * top frame picks, shows only the highlight, and reports a pick to the top frame through the
 * background, which opens the panel there. ↑ from <html> hands over to the parent so the
 * iframe itself can be tagged whole.
 */
export function createFramePicker(guard: GuardState, css: string, render: Renderer) {
  let layer: HostLayer | null = null;
  let view: TaggerView = initialView(false);
  const update = (patch: Partial<TaggerView>) => {
    view = { ...view, ...patch };
    if (layer) render(layer.container, view, noActions);
  };

  function stop(): void {
    if (!layer) return;
    guard.modal = null;
    guard.host = null;
    guard.root = null;
    render(layer.container, null, noActions);
    layer.unmount();
    layer = null;
  }

  function start(): void {
    if (layer) return;
    layer = mountHost(css);
    guard.host = layer.host;
    guard.root = layer.root;
    view = initialView(false);
    const picker = createPicker({
      doc: document,
      host: () => guard.host,
      view: { hover: (rect, label) => update({ hover: rect ? { rect, label } : null }) },
      onPick(pick) {
        const { anchor } = describePick(pick, document);
        const card = pick.element ? hasCardFields(pick.element) : false;
        stop();
        void sendToBackground('relay', {
          to: 'top',
          type: 'framePicked',
          payload: {
            anchor,
            viewportRect: pick.viewportRect,
            frameUrl: location.href,
            hasCardFields: card,
          },
        });
      },
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
          to: 'top',
          type: 'pickFrameElement',
          payload: { frameUrl: location.href },
        });
      },
    });
    guard.modal = picker.handle;
    update({ phase: 'picking' });
  }

  return { start, stop };
}
