import { describe, expect, it } from 'vitest';
import { withFrameMasks } from '@/lib/background/frame-masks';
import type { ShowAnchorIo } from '@/lib/background/show-anchor';

/** A tab of three frames that records every mask message; frame 2 never answers. */
function fakeTab() {
  const log: string[] = [];
  const sent: unknown[] = [];
  const io: ShowAnchorIo = {
    listFrames: async () => [
      { frameId: 0, parentFrameId: -1, url: 'http://shop.localhost/' },
      { frameId: 1, parentFrameId: 0, url: 'http://chat.localhost/' },
      { frameId: 2, parentFrameId: 1, url: 'http://pay.localhost/' },
    ],
    askFrame: (_tab, message, frameId) => {
      const payload = (message as { payload: { active: boolean } }).payload;
      log.push(`${payload.active ? 'mask' : 'unmask'}:${frameId}`);
      if (payload.active) sent.push(payload);
      if (frameId === 2) return new Promise(() => undefined);
      // The top frame shows an e-mail address and a card, the chat frame two e-mail addresses.
      const counts =
        frameId === 0
          ? [
              { kind: 'email', count: 1 },
              { kind: 'card', count: 1 },
            ]
          : [{ kind: 'email', count: 2 }];
      return Promise.resolve({ ok: true, value: { masks: 3, counts } });
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
    expect(log).toEqual(['mask:0', 'mask:1', 'mask:2', 'shot', 'unmask:0', 'unmask:1', 'unmask:2']);
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
      (counts) => {
        heard = counts;
        log.push('counts');
      },
    );
    expect(heard).toEqual([
      [
        { kind: 'email', count: 1 },
        { kind: 'card', count: 1 },
      ],
      [{ kind: 'email', count: 2 }],
    ]);
    expect(log.indexOf('counts')).toBeLessThan(log.indexOf('shot'));
  });

  it('still masks personal data when the shopper includes field values', async () => {
    const { io, log, sent } = fakeTab();
    await withFrameMasks(io, 7, { fields: false, uncovered: ['phone'] }, async () => 'png');
    expect(log.filter((l) => l.startsWith('mask'))).toHaveLength(3);
    expect(sent[0]).toEqual({ active: true, fields: false, uncovered: ['phone'] });
  });
});
