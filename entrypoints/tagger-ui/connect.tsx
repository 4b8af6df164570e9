import { render } from 'preact';
import { setLanguage } from '@/lib/i18n/core';
import {
  eventTime,
  toSurfaceEvent,
  type FromUi,
  type SurfaceEvent,
  type ToUi,
} from '@/lib/tagger/ui-protocol';
import type { TaggerView } from '@/lib/tagger/view';
import { drawn } from '@/lib/tagger/drawn';
import { createLateKeys } from '@/lib/tagger/late-keys';
import { UiApp } from './UiApp';

let port: MessagePort | null = null;
let language = '';
/** The tagger's context, sent only when it changes (see `ToUi`). */
let context: TaggerView['context'] = null;

const send = (message: FromUi) => port?.postMessage(message);

function show(view: TaggerView, room: number): void {
  // The panel scrolls itself beyond this height; the document never scrolls (style.css).
  document.documentElement.style.setProperty('--room', `${room}px`);
  const context = view.context;
  if (context && context.language !== language) {
    language = context.language;
    setLanguage(context.language, context.texts);
    document.documentElement.lang = context.language;
  }
  render(<UiApp view={view} send={send} />, document.getElementById('app')!);
}

/**
 * Answers `whenDrawn` once this document has its size in the page (the page resized the frame;
 * the browser tells this process later) and has drawn at it: what it was shown before is then
 * on the screen, at the place and size the page gave it.
 */
function whenDrawn(seq: number, width: number, height: number): void {
  const sized = () => Math.abs(innerWidth - width) < 1 && Math.abs(innerHeight - height) < 1;
  // The size it is drawing at: resized again by the time it is drawn, the page asks again.
  const answer = () => {
    const at = { width: innerWidth, height: innerHeight };
    void drawn().then(() => send({ kind: 'drawn', seq, ...at }));
  };
  if (sized()) return answer();
  const onResize = () => {
    if (!sized()) return;
    removeEventListener('resize', onResize);
    clearTimeout(timer);
    answer();
  };
  // Given yet another size meanwhile: the page sees it in the answer.
  const timer = setTimeout(() => {
    removeEventListener('resize', onResize);
    answer();
  }, 500);
  addEventListener('resize', onResize);
}

/** The panel's control the focus was last in (kept while the page holds the focus). */
let lastFocused: HTMLElement | null = null;
const focused = (): Element | null =>
  document.activeElement && document.activeElement !== document.body
    ? document.activeElement
    : lastFocused?.isConnected
      ? lastFocused
      : null;
const isText = (el: Element | null): el is HTMLInputElement | HTMLTextAreaElement =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text');

/** Where the characters typed straight into the panel went (see `late-keys.ts`). */
const late = createLateKeys();

/**
 * Notes each character the shopper types into a text field of the panel; any other key, or a
 * press of the pointer, may move the caret or change the text elsewhere.
 */
function noteTyping(): void {
  addEventListener(
    'keydown',
    (e) => {
      // A key on the body is replayed into the control (below), and noted there.
      if (!e.isTrusted || e.target === document.body) return;
      const el = e.target as Element | null;
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing && e.key.length === 1;
      if (
        plain &&
        isText(el) &&
        el.selectionStart !== null &&
        el.selectionStart === el.selectionEnd
      )
        late.typed(el, eventTime(e), el.selectionStart, e.key);
      else if (!['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(e.key)) late.forget();
    },
    true,
  );
  addEventListener('pointerdown', () => late.forget(), true);
}

/**
 * A key the page caught by taking the focus while the shopper typed: a character (or
 * Backspace) goes into the text field the panel's focus was in, any other key to the focused
 * control as its key press (a digit scores). Such copies are not the shopper's own events, so
 * they cannot save.
 */
function replay(key: SurfaceEvent): void {
  const el = focused();
  const plain = !key.ctrlKey && !key.metaKey && !key.altKey && typeof key.key === 'string';
  if (isText(el) && plain && (key.key!.length === 1 || key.key === 'Backspace')) {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    if (key.key === 'Backspace') {
      late.forget();
      if (start === end && start > 0) el.setRangeText('', start - 1, end, 'end');
      else el.setRangeText('', start, end, 'end');
    } else if (start === end && key.at !== undefined) {
      // Typed before keys that reached the panel first: it goes before them.
      const pos = late.place(el, el.value, start, key.at, key.key!);
      el.setRangeText(key.key!, pos, pos, pos === start ? 'end' : 'preserve');
    } else {
      late.forget();
      el.setRangeText(key.key!, start, end, 'end');
    }
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  el?.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true }));
}

/**
 * Starts the tagger's UI frame (lib/tagger/ui-frame.ts has the other end). It waits for the
 * content script that made it to hand over a `MessagePort` with the secret in this page's
 * address; anything else posted to it (by the page around it, say) is ignored. From then on it
 * shows the views it is sent and sends back what the shopper does. It also keeps the focus
 * where the shopper left it when the page took it for a while.
 */
export function connect(): void {
  const secret = location.hash.slice(1);
  noteTyping();
  addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLElement && e.target !== document.body) lastFocused = e.target;
  });
  // A key that lands on the frame's body (the focus just back from the page, not yet in the
  // control) goes to that control.
  addEventListener(
    'keydown',
    (e) => {
      if (e.target !== document.body || !lastFocused?.isConnected) return;
      // Only for the panel: while picking, keys on the body are the picker's.
      if (!document.body.classList.contains('panel-open')) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      lastFocused.focus({ preventScroll: true });
      replay(toSurfaceEvent(e));
    },
    true,
  );
  // The frame getting the focus back (from the page, which took it) returns it to that control.
  addEventListener('focus', () => {
    const el = focused();
    if (el !== document.activeElement && el instanceof HTMLElement)
      el.focus({ preventScroll: true });
  });
  addEventListener('message', (e: MessageEvent<{ tpa?: unknown }>) => {
    if (port || !secret || e.source !== parent || e.data?.tpa !== secret || !e.ports[0]) return;
    port = e.ports[0];
    port.onmessage = (m: MessageEvent<ToUi>) => {
      const message = m.data;
      if (message.kind === 'key') return replay(message.event);
      if (message.kind === 'whenDrawn')
        return whenDrawn(message.seq, message.width, message.height);
      if ('context' in message) context = message.context ?? null;
      show({ ...message.view, context, hover: null }, message.room);
    };
    send({ kind: 'ready' });
  });
}
