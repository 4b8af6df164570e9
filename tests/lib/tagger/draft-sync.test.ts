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

/** A background that answers every draft save and records the notes it was sent. */
function recorder() {
  const sent: string[] = [];
  const send = (async (_type: string, req: { form: TouchpointForm }) => {
    sent.push(req.form.notes);
    return { ok: true, value: { savedAt: 'now' } };
  }) as never;
  return { sent, send };
}

describe('createDraftSync', () => {
  it('saves only the latest state once typing pauses, and nothing after settle()', async () => {
    vi.useFakeTimers();
    const { sent, send } = recorder();
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

  it('sends the latest state at once on flush(), once, and nothing when all is saved', async () => {
    vi.useFakeTimers();
    const { sent, send } = recorder();
    const sync = createDraftSync(send, 300);
    sync.schedule(form('typed'), null);
    sync.schedule(form('typed last'), null);
    sync.flush();
    expect(sent).toEqual(['typed last']);
    // The pause ending later sends nothing more, nor does a second flush.
    await vi.advanceTimersByTimeAsync(1_000);
    sync.flush();
    expect(sent).toEqual(['typed last']);
    vi.useRealTimers();
  });
});
