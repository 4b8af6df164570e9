import { sendToBackground } from '../messaging/client';
import { createContentDispatcher } from '../messaging/content-server';
import { addRuntimeListener, extensionId } from '../messaging/runtime';
import { ok } from '../result';
import { createTopTagger, type Renderer } from './controller';
import { installEventGuard, type GuardState } from './event-guard';
import { createFramePicker } from './frame-picker';
import { findFrameElement, frameElementsDeep } from './frames';
import { createHighlighter } from './highlight';
import { createMaskLayer } from './mask-layer';
import { perfStats } from './perf';
import { liveRect } from './place';
import { refindAnchor } from './refind';
import { capturePristine } from './pristine';
import { isOwnHost } from './host';
import type { StubWorld } from './stub';

/**
 * Wires the tagger into a frame at document_start: captures pristine built-ins, registers the
 * capture-phase guard before any page script, and listens for the extension's messages. Until
 * tagging starts, nothing on the page changes.
 */
export function startTagger(css: string, render: Renderer): void {
  // Run into a tab's frames when tagging starts there, and again into frames that came later:
  // they share the extension's isolated world (the page sees none of it), so a second copy
  // stands down.
  const world = globalThis as StubWorld;
  if (world.tpaTagger) return;
  world.tpaTagger = true;
  capturePristine();
  const isTop = window === window.top;
  // The stub's guard, registered at document_start, where the stub ran (an audit runs);
  // otherwise (the command, outside an audit) a guard of its own from now on.
  const guard: GuardState = world.tpaStub?.guard ?? {
    host: null,
    root: null,
    modal: null,
    onShortcut: () => undefined,
  };
  guard.owns = isOwnHost;
  const top = isTop ? createTopTagger(guard, css, render) : null;
  const framePicker = isTop ? null : createFramePicker(guard, css, render);
  guard.onShortcut = () => {
    if (top) top.start();
    else void sendToBackground('relay', { to: 'top', type: 'startTagging', payload: {} });
  };
  if (!world.tpaStub) installEventGuard(guard);
  const highlighter = createHighlighter(css);
  const masks = createMaskLayer(css, () => guard.host);

  // Only the extension can reach this listener (runtime messages never come from the page);
  // the dispatcher still checks the sender and every request, as the background does.
  const dispatch = createContentDispatcher(
    {
      // Only the top frame starts tagging; it starts the sub-frames' pickers itself.
      startTagging: () => {
        if (!top) return undefined;
        top.start();
        return ok({ started: true });
      },
      setFramePicking: ({ active, fromFrameId }) => {
        if (top) {
          if (!active && fromFrameId !== 0) top.onFrameCancelled();
        } else if (active) framePicker?.start();
        else framePicker?.stop();
        return ok({ ok: true });
      },
      framePicked: (pick) => {
        // A frame holding frames passes a pick up; the top frame opens the panel.
        if (top) top.onFramePick(pick);
        else framePicker?.onChildPick(pick);
        return ok({ ok: true });
      },
      pickFrameElement: ({ frameUrl, fromFrameId }) => {
        if (top) top.onPickFrameElement(frameUrl, fromFrameId);
        else framePicker?.onChildBeyondRoot(frameUrl, fromFrameId);
        return ok({ ok: true });
      },
      // Only the frame asked (the background names it) gets this.
      highlightAnchor: ({ anchor }) => ok(highlighter.show(anchor)),
      refindAnchor: ({ anchor }) => ok(refindAnchor(anchor, highlighter)),
      setFieldMasks: ({ active, fields = true, uncovered = [] }) => {
        // Every frame masks its own fields and personal data while the background captures,
        // and answers once its own part of the tagger (the panel, a highlight) is off the
        // screen too.
        if (active) {
          const ready = top?.shotReady() ?? framePicker?.shotReady();
          return Promise.all([masks.show({ fields, uncovered }), ready]).then(([shown]) =>
            ok(shown),
          );
        }
        masks.hide();
        return ok({ masks: 0 });
      },
      coverFrames: async ({ frames }) => {
        // Frames the background heard nothing from: covered whole from outside, so their
        // fields and personal data stay out of the shot all the same.
        const elements = frameElementsDeep(document);
        const boxes = frames.flatMap(({ frameId, url }) => {
          const rect = liveRect(findFrameElement(document, frameId, url, elements));
          return rect ? [rect] : [];
        });
        if (boxes.length > 0) await masks.cover(boxes);
        return ok({ covered: boxes.length });
      },
      getPerfStats: () => (top ? ok(perfStats()) : undefined),
    },
    extensionId(),
  );
  addRuntimeListener(dispatch);
}
