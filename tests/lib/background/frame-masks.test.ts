import { describe, expect, it } from 'vitest';
import { FrameUnmaskedError, withFrameMasks } from '@/lib/background/frame-masks';
import type { ShowAnchorIo } from '@/lib/background/show-anchor';

/**
 * A tab of three frames (2 inside 1 inside 0) that records every mask message; the frames in
 * `silent` never answer (frame 2 by default), and a frame asked to cover others finds them
 * unless `lost`.
 */
function fakeTab({
  silent = [2],
  lost = false,
  slow = {},
}: {
  silent?: number[];
  lost?: boolean;
  /** Frames that answer a mask request only after so many milliseconds. */
  slow?: Record<number, number>;
} = {}) {
  const log: string[] = [];
  const sent: unknown[] = [];
  const io: ShowAnchorIo = {
    listFrames: async () => [
      { frameId: 0, parentFrameId: -1, url: 'http://shop.localhost/' },
      { frameId: 1, parentFrameId: 0, url: 'http://chat.localhost/' },
      { frameId: 2, parentFrameId: 1, url: 'http://pay.localhost/' },
    ],
    askFrame: (_tab, message, frameId) => {
      const { type, payload } = message as unknown as {
        type: string;
        payload: { active: boolean; frames: { frameId: number }[] };
      };
      if (type === 'coverFrames') {
        log.push(`cover:${frameId}:${payload.frames.map((f) => f.frameId).join(',')}`);
        return Promise.resolve({ ok: true, value: { covered: lost ? 0 : payload.frames.length } });
      }
      log.push(`${payload.active ? 'mask' : 'unmask'}:${frameId}`);
      if (payload.active) sent.push(payload);
      if (silent.includes(frameId)) return new Promise(() => undefined);
      const late = payload.active ? slow[frameId] : undefined;
      // The top frame shows an e-mail address and a card, the chat frame two e-mail addresses.
      const counts =
        frameId === 0
          ? [
              { kind: 'email', count: 1 },
              { kind: 'card', count: 1 },
            ]
          : [{ kind: 'email', count: 2 }];
      const answer = { ok: true, value: { masks: 3, counts } };
      if (late === undefined) return Promise.resolve(answer);
      return new Promise((resolve) => setTimeout(() => resolve(answer), late));
    },
  };
  return { io, log, sent };
}

const all = { fields: true, uncovered: [] };

describe('withFrameMasks', () => {
  it('asks every frame to mask before the shot and to unmask after it', async () => {
    const { io, log } = fakeTab();
    const shot = await withFrameMasks(io, 7, all, async () => {
      log.push('shot');
      return 'png';
    });
    expect(shot).toBe('png');
    expect(log).toEqual([
      'mask:0',
      'mask:1',
      'mask:2',
      // Frame 2 said nothing in time: the chat frame around it covers it whole.
      'cover:1:2',
      'shot',
      'unmask:0',
      'unmask:1',
      'unmask:2',
    ]);
  });

  it('covers a silent frame inside a silent frame with the cover of the outer one', async () => {
    const { io, log } = fakeTab({ silent: [1, 2] });
    let covered = -1;
    await withFrameMasks(
      io,
      7,
      all,
      async () => log.push('shot'),
      (m) => (covered = m.coveredFrames),
    );
    expect(log.filter((l) => l.startsWith('cover') || l === 'shot')).toEqual(['cover:0:1', 'shot']);
    // One cover on the screenshot, over both.
    expect(covered).toBe(1);
  });

  it('waits longer for the top frame, which first takes the tagger off the screen', async () => {
    // On a page that keeps its thread busy the panel's hiding is drawn late; the top frame
    // cannot be covered by another, so it is given the longer time. A sub-frame as slow is
    // covered whole by its parent.
    const { io, log } = fakeTab({ silent: [], slow: { 0: 300, 2: 300 } });
    const timeouts = { frame: 100, top: 1_000 };
    await withFrameMasks(io, 7, all, async () => log.push('shot'), undefined, timeouts);
    expect(log.filter((l) => l.startsWith('cover') || l === 'shot')).toEqual(['cover:1:2', 'shot']);
  });

  it('takes no shot when the top frame says nothing in time, and removes the masks drawn', async () => {
    const { io, log } = fakeTab({ silent: [0] });
    const timeouts = { frame: 100, top: 300 };
    await expect(
      withFrameMasks(io, 7, all, async () => log.push('shot'), undefined, timeouts),
    ).rejects.toThrow(FrameUnmaskedError);
    expect(log).not.toContain('shot');
    expect(log.slice(-3)).toEqual(['unmask:0', 'unmask:1', 'unmask:2']);
  });

  it('takes no shot when the frame around a silent one cannot cover it', async () => {
    const { io, log } = fakeTab({ lost: true });
    await expect(withFrameMasks(io, 7, all, async () => log.push('shot'))).rejects.toThrow(
      /did not mask its fields in time.*pay\.localhost/,
    );
    expect(log).toContain('cover:1:2');
    expect(log).not.toContain('shot');
  });

  it('unmasks also when the capture fails', async () => {
    const { io, log } = fakeTab();
    await expect(
      withFrameMasks(io, 7, all, () => Promise.reject(new Error('quota'))),
    ).rejects.toThrow('quota');
    expect(log.slice(-3)).toEqual(['unmask:0', 'unmask:1', 'unmask:2']);
  });

  it('hands over what each answering frame covered before the shot', async () => {
    const { io, log } = fakeTab();
    let heard: unknown = null;
    await withFrameMasks(
      io,
      7,
      all,
      async () => {
        log.push('shot');
        return 'png';
      },
      (masked) => {
        heard = masked;
        log.push('counts');
      },
    );
    expect(heard).toEqual({
      counts: [
        [
          { kind: 'email', count: 1 },
          { kind: 'card', count: 1 },
        ],
        [{ kind: 'email', count: 2 }],
      ],
      // Frame 2 said nothing: frame 1 covered it whole.
      coveredFrames: 1,
    });
    expect(log.indexOf('counts')).toBeLessThan(log.indexOf('shot'));
  });

  it('covers no frame when every frame answers', async () => {
    const { io } = fakeTab({ silent: [] });
    let covered = -1;
    await withFrameMasks(
      io,
      7,
      all,
      async () => 'png',
      (m) => (covered = m.coveredFrames),
    );
    expect(covered).toBe(0);
  });

  it('still masks personal data when the shopper includes field values', async () => {
    const { io, log, sent } = fakeTab();
    await withFrameMasks(io, 7, { fields: false, uncovered: ['phone'] }, async () => 'png');
    expect(log.filter((l) => l.startsWith('mask'))).toHaveLength(3);
    expect(sent[0]).toEqual({ active: true, fields: false, uncovered: ['phone'] });
  });
});
