import { describe, expect, it } from 'vitest';
import {
  CHANNEL,
  createContentDispatcher,
  ok,
  sendToFrame,
  type ContentHandlers,
  type FrameTransport,
} from '@/lib/messaging';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const anchor = { css: '#a', text: 'A', rect: { x: 1, y: 2, width: 3, height: 4 }, framePath: [] };
const msg = (type: string, payload: unknown) => ({ channel: CHANNEL, type, payload });

/** A frame that is not the top one: it keeps quiet about what only the top frame answers. */
function subFrame() {
  const seen: string[] = [];
  const handlers: ContentHandlers = {
    startTagging: () => undefined,
    setFramePicking: ({ active }) => (seen.push(`picking:${active}`), ok({ ok: true })),
    framePicked: (pick) => (seen.push(`picked:${pick.anchor.css}`), ok({ ok: true })),
    pickFrameElement: () => ok({ ok: true }),
    highlightAnchor: () => ok({ matchedBy: 'css' as const }),
    refindAnchor: () => ok({ matchedBy: 'none' as const, anchor: null }),
    setFieldMasks: async () => ok({ masks: 2 }),
    coverFrames: async ({ frames }) => ok({ covered: frames.length }),
    getPerfStats: () => undefined,
  };
  return { seen, dispatch: createContentDispatcher(handlers, EXT) };
}

describe('the content-script dispatcher', () => {
  it.each([
    [
      'another extension',
      { id: 'zzzz' },
      msg('setFieldMasks', { active: true }),
      'forbidden-sender',
    ],
    ['a foreign envelope', { id: EXT }, { type: 'setFieldMasks', payload: {} }, 'invalid-message'],
    ['an unknown message type', { id: EXT }, msg('dropDatabase', {}), 'invalid-message'],
    [
      'a bad anchor',
      { id: EXT },
      msg('highlightAnchor', { anchor: { css: 1 } }),
      'invalid-message',
    ],
    [
      'extra fields',
      { id: EXT },
      msg('setFieldMasks', { active: true, evil: 1 }),
      'invalid-message',
    ],
  ])('refuses %s', async (_what, sender, message, code) => {
    expect(await subFrame().dispatch(message, sender)).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('answers a valid request with its handler’s Result', async () => {
    const { dispatch, seen } = subFrame();
    expect(await dispatch(msg('setFieldMasks', { active: true }), { id: EXT })).toEqual({
      ok: true,
      value: { masks: 2 },
    });
    const pick = { anchor, viewportRect: anchor.rect, frameUrl: 'http://a/', hasCardFields: false };
    await dispatch(msg('framePicked', { ...pick, fromFrameId: 3 }), { id: EXT });
    expect(seen).toEqual(['picked:#a']);
  });

  it('stays silent, synchronously, on a message for another frame', () => {
    expect(subFrame().dispatch(msg('getPerfStats', {}), { id: EXT })).toBeUndefined();
  });
});

describe('sendToFrame', () => {
  const answering =
    (answer: unknown): FrameTransport =>
    async () =>
      answer;

  it.each([
    [
      'a valid answer',
      answering({ ok: true, value: { masks: 1 } }),
      { ok: true, value: { masks: 1 } },
    ],
    [
      'an answer of another shape',
      answering({ ok: true, value: { masks: 'all' } }),
      { ok: false, error: { code: 'unreachable', params: { detail: 'the page did not answer' } } },
    ],
    [
      'no content script',
      () => Promise.reject(new Error('Receiving end does not exist')),
      {
        ok: false,
        error: { code: 'unreachable', params: { detail: 'Receiving end does not exist' } },
      },
    ],
  ])('returns %s as a Result', async (_what, transport, expected) => {
    expect(
      await sendToFrame({ tabId: 1, frameId: 0 }, 'setFieldMasks', { active: true }, transport),
    ).toEqual(expected);
  });
});
