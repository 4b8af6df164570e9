import { beforeEach, describe, expect, it, vi } from 'vitest';
import { describeProblem } from '@/lib/i18n';
import { CHANNEL, sendToBackground } from '@/lib/messaging';
import {
  addRuntimeListener,
  extensionId,
  frameIdOf,
  sendRuntimeMessage,
} from '@/lib/messaging/runtime';

type Listener = (message: unknown, sender: unknown, respond: (a: unknown) => void) => boolean;

/** Chromium's `chrome.runtime`: callbacks, and `lastError` set only while a callback runs. */
function chromeRuntime(answer: (message: unknown) => { value?: unknown; error?: string }) {
  const listeners: Listener[] = [];
  const runtime = {
    id: 'ext-id',
    lastError: undefined as { message: string } | undefined,
    lastErrorReads: 0,
    sendMessage(message: unknown, callback: (a: unknown) => void) {
      const { value, error } = answer(message);
      queueMicrotask(() => {
        let read = false;
        Object.defineProperty(runtime, 'lastError', {
          configurable: true,
          get: () => ((read = true), error === undefined ? undefined : { message: error }),
        });
        callback(value);
        if (read) runtime.lastErrorReads++;
      });
    },
    onMessage: { addListener: (l: Listener) => listeners.push(l) },
  };
  return { runtime, listeners };
}

describe('the content script’s runtime in Chromium (no `browser`)', () => {
  beforeEach(() => {
    vi.stubGlobal('browser', undefined);
  });

  it('sends through the callback and reads lastError', async () => {
    const { runtime } = chromeRuntime((m) => ({ value: { echo: m } }));
    vi.stubGlobal('chrome', { runtime });
    expect(await sendRuntimeMessage('hi')).toEqual({ echo: 'hi' });
    expect(runtime.lastErrorReads).toBe(1);
    expect(extensionId()).toBe('ext-id');
  });

  it('rejects when Chrome reports an error, and the client says `unreachable`', async () => {
    const error = 'Could not establish connection. Receiving end does not exist.';
    const { runtime } = chromeRuntime(() => ({ error }));
    vi.stubGlobal('chrome', { runtime });
    await expect(sendRuntimeMessage('hi')).rejects.toThrow(error);
    expect(await sendToBackground('getTaggerContext', { url: 'https://a.test/' })).toMatchObject({
      ok: false,
      error: { code: 'unreachable', params: { detail: error } },
    });
    expect(runtime.lastErrorReads).toBe(2);
  });

  it.each([
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    'The message port closed before a response was received.',
    'Promised response from onMessage listener went out of scope',
  ])(
    'says `background-stopped`, in the shopper’s words, when the background stopped: %s',
    async (error) => {
      const { runtime } = chromeRuntime(() => ({ error }));
      vi.stubGlobal('chrome', { runtime });
      const answer = await sendToBackground('getTaggerContext', { url: 'https://a.test/' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'background-stopped' } });
      expect(answer.ok ? '' : describeProblem(answer.error)).toBe(
        'The extension stopped before it answered. What you typed is kept: try again (nothing is stored twice).',
      );
    },
  );

  it('passes a failure of the background on with its own code and parameters', async () => {
    const failure = { ok: false, error: { code: 'no-active-audit', params: { detail: 'none' } } };
    const { runtime } = chromeRuntime(() => ({ value: failure }));
    vi.stubGlobal('chrome', { runtime });
    expect(await sendToBackground('getTaggerContext', { url: 'https://a.test/' })).toEqual(failure);
  });

  it('ignores a `browser` the page put there by naming an element', async () => {
    const form = document.createElement('form');
    const input = document.createElement('input');
    input.name = 'runtime';
    input.id = 'x';
    form.append(input);
    vi.stubGlobal('browser', form);
    const { runtime } = chromeRuntime(() => ({ value: 1 }));
    vi.stubGlobal('chrome', { runtime });
    expect(await sendRuntimeMessage('hi')).toBe(1);
  });

  it('answers through sendResponse, or returns false at once to stay silent', async () => {
    const { runtime, listeners } = chromeRuntime(() => ({}));
    vi.stubGlobal('chrome', { runtime });
    addRuntimeListener((message) => (message === 'mine' ? Promise.resolve('answer') : undefined));
    const respond = vi.fn();
    expect(listeners[0]!('other', { id: 'ext-id' }, respond)).toBe(false);
    expect(listeners[0]!('mine', { id: 'ext-id' }, respond)).toBe(true);
    await Promise.resolve();
    expect(respond.mock.calls).toEqual([['answer']]);
  });

  it('has no frame ids for elements', () => {
    vi.stubGlobal('chrome', { runtime: chromeRuntime(() => ({})).runtime });
    expect(frameIdOf(document.createElement('iframe'))).toBeUndefined();
  });
});

describe('the content script’s runtime in Firefox (`browser`)', () => {
  it('sends with promises, and a rejected send is `unreachable`', async () => {
    const sendMessage = vi
      .fn()
      .mockResolvedValueOnce('pong')
      .mockRejectedValueOnce(new Error('gone'));
    vi.stubGlobal('browser', { runtime: { id: 'ff', sendMessage, onMessage: {} } });
    expect(await sendRuntimeMessage({ channel: CHANNEL })).toBe('pong');
    expect(await sendToBackground('getTaggerContext', { url: 'https://a.test/' })).toMatchObject({
      ok: false,
      error: { code: 'unreachable', params: { detail: 'gone' } },
    });
    expect(extensionId()).toBe('ff');
  });

  it('tells an iframe’s frame id, and none for an element it does not know', () => {
    const known = document.createElement('iframe');
    const getFrameId = (el: Element) => {
      if (el !== known) throw new Error('not a frame');
      return 7;
    };
    vi.stubGlobal('browser', { runtime: { sendMessage: vi.fn(), getFrameId } });
    expect(frameIdOf(known)).toBe(7);
    expect(frameIdOf(document.createElement('div'))).toBeUndefined();
  });
});
