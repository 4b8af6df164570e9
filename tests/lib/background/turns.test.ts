import { describe, expect, it } from 'vitest';
import { createTurns } from '@/lib/background/turns';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('turns per key', () => {
  it('runs the pieces of one key in the order asked, each after the last one ended', async () => {
    const inTurn = createTurns();
    const log: string[] = [];
    const slow = inTurn('tab:1', async () => {
      log.push('write starts');
      await tick(20);
      log.push('write ends');
      return 'written';
    });
    const read = inTurn('tab:1', async () => {
      log.push('read');
      return 'read';
    });
    // Another tab's work does not wait.
    const other = inTurn('tab:2', async () => {
      log.push('other tab');
      return 'other';
    });
    expect(await Promise.all([slow, read, other])).toEqual(['written', 'read', 'other']);
    expect(log).toEqual(['write starts', 'other tab', 'write ends', 'read']);
  });

  it('goes on after a piece that failed, and gives its caller the failure', async () => {
    const inTurn = createTurns();
    const failed = inTurn('tab:1', async () => {
      await tick();
      throw new Error('quota exceeded');
    });
    const next = inTurn('tab:1', async () => 'next');
    await expect(failed).rejects.toThrow('quota exceeded');
    expect(await next).toBe('next');
  });
});
