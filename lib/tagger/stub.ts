import { CHANNEL } from '../messaging/channel';
import { sendRuntimeMessage } from '../messaging/runtime';
import { installEventGuard, type GuardState } from './event-guard';

/** What the stub leaves on the isolated world's global for the tagger loaded after it. */
export interface StubWorld {
  /** The guard the stub registered at document_start, which the tagger takes over. */
  tpaStub?: { guard: GuardState };
  /** Set once the tagger itself runs in this frame. */
  tpaTagger?: true;
}

/**
 * What runs in every frame at document_start while an audit runs (docs/ARCHITECTURE.md#stealth):
 * the event guard registered ahead of the page's listeners, and the shortcut. Nothing else: no listener for the extension's messages, no
 * node, no resource. The shortcut asks the background, which runs the tagger into this tab's
 * frames (`scripting.executeScript`, into the same isolated world) and starts it; the tagger
 * takes over this guard, so the guarantee "registered before the page's scripts" holds.
 */
export function startStub(): void {
  const world = globalThis as StubWorld;
  if (world.tpaStub || world.tpaTagger) return;
  const guard: GuardState = {
    host: null,
    root: null,
    modal: null,
    onShortcut: () =>
      void sendRuntimeMessage({ channel: CHANNEL, type: 'startTaggingHere', payload: {} }).catch(
        () => undefined,
      ),
  };
  installEventGuard(guard);
  world.tpaStub = { guard };
}
