import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background';
import {
  showAnchorInTab,
  type ShowAnchorIo,
  type TabFrame,
} from '../../../lib/background/show-anchor';
import { AuditorDb } from '../../../lib/db';
import { createDispatcher, type SenderInfo } from '../../../lib/messaging';
import type { Anchor } from '../../../lib/model';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const anchor: Anchor = {
  css: '#agent-name',
  text: 'Maya',
  rect: { x: 1, y: 2, width: 3, height: 4 },
  framePath: ['#chat-frame'],
  kind: 'element',
};
const frames: TabFrame[] = [
  { frameId: 0, parentFrameId: -1, url: 'http://northwind.localhost/product.html' },
  { frameId: 5, parentFrameId: 0, url: 'http://ads.localhost/banner.html' },
  { frameId: 9, parentFrameId: 0, url: 'http://chat.localhost/widget.html#open' },
];

/** A tab whose frames answer from a table, remembering what each was asked. */
function fakeTab(answers: Record<number, unknown>) {
  const asked: { frameId: number; framePath: string[] }[] = [];
  const io: ShowAnchorIo = {
    async askFrame(_tabId, message, frameId) {
      asked.push({
        frameId,
        framePath: (message as { payload: { anchor: Anchor } }).payload.anchor.framePath,
      });
      if (answers[frameId] instanceof Error) throw answers[frameId];
      return answers[frameId];
    },
    listFrames: async () => frames,
  };
  return { io, asked };
}

describe('showAnchorInTab', () => {
  it('answers with what the top frame found', async () => {
    const { io, asked } = fakeTab({ 0: { ok: true, value: { matchedBy: 'text' } } });
    expect(await showAnchorInTab(io, 3, { ...anchor, framePath: [] })).toEqual({
      ok: true,
      value: { matchedBy: 'text' },
    });
    expect(asked).toEqual([{ frameId: 0, framePath: [] }]);
  });

  it('forwards to the sub-frame the top frame names, with the rest of the frame path', async () => {
    const { io, asked } = fakeTab({
      0: { ok: true, value: { forwardTo: { frameUrl: 'http://chat.localhost/widget.html' } } },
      9: { ok: true, value: { matchedBy: 'css' } },
    });
    expect(await showAnchorInTab(io, 3, anchor)).toEqual({ ok: true, value: { matchedBy: 'css' } });
    expect(asked).toEqual([
      { frameId: 0, framePath: ['#chat-frame'] },
      { frameId: 9, framePath: [] },
    ]);
  });

  it.each([
    [
      'no frame loads that URL',
      { 0: { ok: true, value: { forwardTo: { frameUrl: 'http://gone.localhost/' } } } },
      { ok: true, value: { matchedBy: 'none' } },
    ],
    [
      'no content script answers',
      { 0: new Error('Could not establish connection') },
      {
        ok: false,
        error: { code: 'unreachable', params: { detail: 'Could not establish connection' } },
      },
    ],
    [
      'the answer is not one',
      { 0: { ok: true, value: { matchedBy: 'everything' } } },
      { ok: false, error: { code: 'unreachable', params: { detail: 'the page did not answer' } } },
    ],
  ])('handles the case where %s', async (_what, answers, expected) => {
    expect(await showAnchorInTab(fakeTab(answers).io, 3, anchor)).toEqual(expected);
  });
});

describe('the showAnchorInTab message', () => {
  let db: AuditorDb;
  beforeEach(() => {
    db = new AuditorDb(`show-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  const dispatchFrom = (sender: SenderInfo, payload: unknown) => {
    const { io } = fakeTab({ 0: { ok: true, value: { matchedBy: 'css' } } });
    const handlers = createHandlers({
      db,
      now: () => new Date(),
      version: '0.1.0',
      showIo: io,
      extensionOrigin: ORIGIN,
    });
    const dispatch = createDispatcher(handlers, { extensionId: EXT, log: () => undefined });
    return dispatch({ channel: 'touchpoint-auditor', type: 'showAnchorInTab', payload }, sender);
  };

  it('is served to an extension page', async () => {
    const page = { id: EXT, url: `${ORIGIN}touchpoints.html`, tab: { id: 1 } };
    expect(await dispatchFrom(page, { tabId: 3, anchor })).toEqual({
      ok: true,
      value: { matchedBy: 'css' },
    });
  });

  it('is refused to a content script, which must not steer other tabs', async () => {
    const script = { id: EXT, url: 'http://northwind.localhost/', tab: { id: 2 }, frameId: 0 };
    expect(await dispatchFrom(script, { tabId: 3, anchor })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses a request without a valid anchor', async () => {
    const page = { id: EXT, url: `${ORIGIN}touchpoints.html` };
    expect(await dispatchFrom(page, { tabId: 3, anchor: { css: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
  });
});
