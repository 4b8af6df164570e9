import { describe, expect, it } from 'vitest';
import { withFrameMasks } from '@/lib/background/frame-masks';
import type { ShowAnchorIo } from '@/lib/background/show-anchor';

/** A tab of three frames that records every mask message; frame 2 never answers. */
function fakeTab() {
  const log: string[] = [];
  const io: ShowAnchorIo = {
    listFrames: async () => [
      { frameId: 0, parentFrameId: -1, url: 'http://shop.localhost/' },
      { frameId: 1, parentFrameId: 0, url: 'http://chat.localhost/' },
      { frameId: 2, parentFrameId: 1, url: 'http://pay.localhost/' },
    ],
    askFrame: (_tab, message, frameId) => {
      const active = (message as { payload: { active: boolean } }).payload.active;
      log.push(`${active ? 'mask' : 'unmask'}:${frameId}`);
      return frameId === 2 ? new Promise(() => undefined) : Promise.resolve({ ok: true });
    },
  };
  return { io, log };
}

describe('withFrameMasks', () => {
  it('asks every frame to mask before the shot and to unmask after it', async () => {
    const { io, log } = fakeTab();
    const shot = await withFrameMasks(io, 7, true, async () => {
      log.push('shot');
      return 'png';
    });
    expect(shot).toBe('png');
    expect(log).toEqual(['mask:0', 'mask:1', 'mask:2', 'shot', 'unmask:0', 'unmask:1', 'unmask:2']);
  });

  it('unmasks also when the capture fails', async () => {
    const { io, log } = fakeTab();
    await expect(
      withFrameMasks(io, 7, true, () => Promise.reject(new Error('quota'))),
    ).rejects.toThrow('quota');
    expect(log.slice(-3)).toEqual(['unmask:0', 'unmask:1', 'unmask:2']);
  });

  it('asks no frame when the shopper includes field values', async () => {
    const { io, log } = fakeTab();
    await withFrameMasks(io, 7, false, async () => 'png');
    expect(log).toEqual([]);
  });
});
