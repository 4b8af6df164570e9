import { describe, expect, it, vi } from 'vitest';
import { createDraftSync } from '@/lib/tagger/draft-sync';
import type { TouchpointForm } from '@/lib/messaging/protocol';

const form = (notes: string): TouchpointForm => ({
  category: 'other',
  stage: 'consideration',
  channel: 'web',
  scores: {},
  notes,
  includeFieldValues: false,
});

describe('createDraftSync', () => {
  it('saves only the latest state once typing pauses, and nothing after settle()', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const send = (async (_type: string, req: { form: TouchpointForm }) => {
      sent.push(req.form.notes);
      return { ok: true, value: { savedAt: 'now' } };
    }) as never;
    const sync = createDraftSync(send, 300);
    sync.schedule(form('a'), null);
    sync.schedule(form('ab'), null);
    await vi.advanceTimersByTimeAsync(299);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['ab']);
    sync.schedule(form('abc'), null);
    await sync.settle();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(['ab']);
    vi.useRealTimers();
  });
});
