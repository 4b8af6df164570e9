import type { SenderInfo } from './envelope';

/**
 * The content script's browser: the few `runtime` calls a frame makes, on the engine's own
 * API instead of the WebExtension polyfill (which the pages and the background keep), so the
 * script injected into every frame stays small. Firefox's promise-based `browser` is used
 * where there is one; Chromium's `chrome`, with callbacks, everywhere else. Every difference
 * between the engines is handled here.
 */

/** Answers a message (once), for a listener that returned true. */
type Respond = (answer: unknown) => void;

/** The part of `runtime` used here, as both engines have it. */
interface EngineRuntime {
  readonly id?: string;
  readonly lastError?: { message?: string } | null;
  sendMessage(message: unknown, callback?: (answer: unknown) => void): Promise<unknown> | void;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: SenderInfo, respond: Respond) => boolean,
    ): void;
  };
  getURL(path: string): string;
  /** Firefox only: the frame id of an `<iframe>` element of this document. */
  getFrameId?: (frame: Element) => number;
}

interface Namespaces {
  browser?: { runtime?: EngineRuntime };
  chrome?: { runtime?: EngineRuntime };
}

/**
 * Firefox's `browser.runtime`, or none. The check is on a function, not on the name alone:
 * where the engine has no `browser`, the page can put one in the content script's view by
 * naming an element `browser`.
 */
function promiseRuntime(): EngineRuntime | undefined {
  const runtime = (globalThis as Namespaces).browser?.runtime;
  return typeof runtime?.sendMessage === 'function' ? runtime : undefined;
}

/** The runtime this frame talks through. */
const runtime = (): EngineRuntime =>
  promiseRuntime() ?? (globalThis as Namespaces).chrome!.runtime!;

/**
 * This extension's id, what a trusted sender's `id` is; empty (matching no sender) once the
 * extension is gone.
 */
export const extensionId = (): string => runtime().id ?? '';

/** The address of one of the extension's files. */
export const extensionUrl = (path: string): string => runtime().getURL(path);

/**
 * Sends a message to the background and resolves with its answer; rejects when no one can
 * answer (the background is restarting, the extension was reloaded or removed).
 */
export async function sendRuntimeMessage(message: unknown): Promise<unknown> {
  const firefox = promiseRuntime();
  if (firefox) return firefox.sendMessage(message);
  return new Promise((resolve, reject) => {
    const chromeRuntime = runtime();
    chromeRuntime.sendMessage(message, (answer) => {
      // Reading lastError marks it handled: Chrome logs an unread one to the console.
      const error = chromeRuntime.lastError;
      if (error) reject(new Error(error.message ?? 'runtime.sendMessage failed'));
      else resolve(answer);
    });
  });
}

/**
 * Listens for the extension's messages. `listener` answers with a promise, or with undefined
 * to stay silent: the frame then answers nothing (returns false at once), so another frame's
 * answer is not hidden. Both engines accept this form (`sendResponse`, then `return true`).
 * The listener's promise must not reject.
 */
export function addRuntimeListener(
  listener: (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined,
): void {
  runtime().onMessage.addListener((message, sender, respond) => {
    const answer = listener(message, sender);
    if (answer === undefined) return false;
    void answer.then(respond);
    return true;
  });
}

/**
 * The frame id of one of this document's `<iframe>`s, where the engine can tell it (Firefox);
 * undefined elsewhere, or for an element it does not know.
 */
export function frameIdOf(frame: Element): number | undefined {
  try {
    return promiseRuntime()?.getFrameId?.(frame);
  } catch {
    return undefined;
  }
}
