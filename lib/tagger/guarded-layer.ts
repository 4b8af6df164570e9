import type { Renderer } from './controller';
import type { GuardState } from './event-guard';
import { finishRetiring, mountHost, type HostLayer } from './host';
import type { TaggerActions } from './view';

/** Mounts a tagger layer (top frame or sub-frame) and points the event guard at it. */
export function mountGuarded(guard: GuardState, css: string): HostLayer {
  finishRetiring();
  const layer = mountHost(css, { watchShadows: true });
  guard.host = layer.host;
  guard.root = layer.root;
  return layer;
}

/** Empties the layer's view and takes it down; the guard goes back to watching for the shortcut. */
export function unmountGuarded(
  guard: GuardState,
  layer: HostLayer,
  render: Renderer,
  actions: TaggerActions,
): void {
  // A layer mounted since (tagging started again) keeps the guard.
  if (guard.host === layer.host) {
    guard.modal = null;
    guard.host = null;
    guard.root = null;
  }
  render(layer.container, null, actions);
  // The UI frame in it may still be answering the click or key that closed it.
  layer.unmount(true);
}
