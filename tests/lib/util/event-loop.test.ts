import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '@/lib/util/event-loop';

describe('yieldToEventLoop', () => {
  it('resolves after the microtasks and the tasks already queued', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('queued task'), 0);
    queueMicrotask(() => order.push('microtask'));
    await yieldToEventLoop();
    order.push('after the pause');
    expect(order).toEqual(['microtask', 'queued task', 'after the pause']);
  });

  it('does not wait for what is queued after it', async () => {
    const order: string[] = [];
    const pause = yieldToEventLoop().then(() => order.push('after the pause'));
    setTimeout(() => order.push('later task'), 0);
    await pause;
    expect(order).toEqual(['after the pause']);
  });
});
