import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../messaging/client';
import type { FramePick } from '../messaging/protocol';
import { createTopTagger, type Renderer } from './controller';
import { installEventGuard, type GuardState } from './event-guard';
import { anchorSchema } from '../messaging/schemas';
import { createFramePicker } from './frame-picker';
import { createHighlighter } from './highlight';
import { createMaskLayer } from './mask-layer';
import { perfStats } from './perf';
import { capturePristine } from './pristine';

interface Incoming {
  channel?: unknown;
  type?: unknown;
  payload?: Record<string, unknown>;
}

/**
 * Wires the tagger into a frame at document_start: captures pristine built-ins, registers the
 * capture-phase guard before any page script, and listens for the extension's messages. Until
 * tagging starts, nothing on the page changes.
 */
export function startTagger(css: string, render: Renderer): void {
  capturePristine();
  const isTop = window === window.top;
  const guard: GuardState = { host: null, root: null, modal: null, onShortcut: () => undefined };
  const top = isTop ? createTopTagger(guard, css, render) : null;
  const framePicker = isTop ? null : createFramePicker(guard, css, render);
  guard.onShortcut = () => {
    if (top) top.start();
    else void sendToBackground('relay', { to: 'top', type: 'startTagging', payload: {} });
  };
  installEventGuard(guard);
  const highlighter = createHighlighter(css);
  const masks = createMaskLayer(css, () => guard.host);

  // Only the extension can reach this listener (runtime messages never come from the page).
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    const m = message as Incoming | null;
    if (
      sender.id !== browser.runtime.id ||
      m?.channel !== 'touchpoint-auditor' ||
      typeof m.type !== 'string'
    )
      return undefined;
    const payload = m.payload ?? {};
    const done = <T>(value: T) => Promise.resolve({ ok: true, value });
    switch (m.type) {
      case 'startTagging':
        if (!top) return undefined;
        top.start();
        return done({ started: true });
      case 'setFramePicking':
        if (top) {
          if (payload.active === false && payload.fromFrameId !== 0) top.onFrameCancelled();
          return undefined;
        }
        if (payload.active === true) framePicker?.start();
        else framePicker?.stop();
        return undefined;
      case 'framePicked':
        // A frame holding frames passes a pick up; the top frame opens the panel.
        if (top) top.onFramePick(payload as unknown as FramePick);
        else framePicker?.onChildPick(payload as unknown as FramePick);
        return done({ ok: true });
      case 'pickFrameElement': {
        const from = payload.fromFrameId as number | undefined;
        const url = String(payload.frameUrl ?? '');
        if (top) top.onPickFrameElement(url, from);
        else framePicker?.onChildBeyondRoot(url, from);
        return done({ ok: true });
      }
      case 'highlightAnchor': {
        // Only the frame asked (the background names it) answers; a bad anchor is refused.
        const anchor = v.safeParse(anchorSchema, payload.anchor);
        return anchor.success ? done(highlighter.show(anchor.output)) : undefined;
      }
      case 'setFieldMasks':
        // Every frame masks its own fields while the background captures the tab.
        if (payload.active === true) return masks.show().then(done);
        masks.hide();
        return done({ masks: 0 });
      case 'getPerfStats':
        return top ? done(perfStats()) : undefined;
      default:
        return undefined;
    }
  });
}
