import { sendToBackground } from '../messaging/client';
import type { CaptureRequest } from '../capture/evidence';
import type { TouchpointForm, TouchpointPlace } from '../messaging/protocol';
import { coveredOf, type Covered } from '../capture/redact/summary';

/** How long typing must pause before the draft is saved. */
export const DRAFT_DEBOUNCE_MS = 300;

/** Saves the panel's state through the background as the shopper types. */
export interface DraftSync {
  /** Schedules a save of this state (the latest one wins). */
  schedule(form: TouchpointForm, place: TouchpointPlace | null): void;
  /**
   * Saves now; with `pickCapture`, the background also screenshots the tab for the new pick and
   * answers what that screenshot covered (nothing when it covered nothing, or no answer).
   */
  saveNow(
    form: TouchpointForm,
    place: TouchpointPlace | null,
    pickCapture?: CaptureRequest,
  ): Promise<Covered>;
  /** Drops any scheduled save and waits for one in flight, so nothing lands after Save. */
  settle(): Promise<void>;
  /** Sends a scheduled save at once (the page is going away: its pause would never end). */
  flush(): void;
}

/**
 * A debounced draft saver (the background keeps one draft per tab). `idOf` gives the id made for
 * the tag, kept with the draft so a save after a reload stores the same touchpoint.
 */
export function createDraftSync(
  send = sendToBackground,
  delay = DRAFT_DEBOUNCE_MS,
  idOf: () => string | null = () => null,
): DraftSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { form: TouchpointForm; place: TouchpointPlace | null } | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();
  const saveNow = async (
    form: TouchpointForm,
    place: TouchpointPlace | null,
    pickCapture?: CaptureRequest,
  ) => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
    const id = idOf();
    const sent = send('saveDraft', {
      form,
      place,
      ...(id !== null && { touchpointId: id }),
      ...(pickCapture && { pickCapture }),
    });
    inFlight = sent;
    const answer = await sent;
    return answer.ok ? coveredOf(answer.value) : {};
  };
  return {
    schedule(form, place) {
      clearTimeout(timer);
      pending = { form, place };
      timer = setTimeout(() => void saveNow(form, place), delay);
    },
    saveNow,
    async settle() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      await inFlight;
    },
    flush() {
      if (pending) void saveNow(pending.form, pending.place);
    },
  };
}
