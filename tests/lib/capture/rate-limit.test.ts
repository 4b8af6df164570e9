import { describe, expect, it } from 'vitest';
import { createCaptureQueue, dataUrlToBlob, sha256Hex } from '@/lib/capture';

describe('createCaptureQueue', () => {
  it('starts captures at least the interval apart and in order', async () => {
    let clock = 0;
    const started: number[] = [];
    const queue = createCaptureQueue({
      minIntervalMs: 500,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    const results = await Promise.all(
      [1, 2, 3].map((n) => queue.run(async () => (started.push(clock), n))),
    );
    expect(results).toEqual([1, 2, 3]);
    expect(started).toEqual([0, 500, 1000]);
  });

  it('keeps going after a capture fails', async () => {
    const queue = createCaptureQueue({ minIntervalMs: 0 });
    await expect(
      queue.run(() => Promise.reject(new Error('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND'))),
    ).rejects.toThrow();
    await expect(queue.run(async () => 'ok')).resolves.toBe('ok');
  });
});

describe('evidence helpers', () => {
  it('decodes a data URL without fetching it', async () => {
    const blob = dataUrlToBlob('data:text/plain;base64,aGVsbG8=');
    expect(blob.type).toBe('text/plain');
    expect(await blob.text()).toBe('hello');
  });

  it('hashes bytes as lower-case hex SHA-256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc').buffer as ArrayBuffer)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
