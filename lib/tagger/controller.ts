import { anchorToElement } from '../anchoring/anchor';
import { cssFromElement } from '../anchoring/css-selector';
import type { Box } from '../anchoring/position';
import { describeProblem } from '../i18n/problem-text';
import { setLanguage, t } from '../i18n/translate';
import { sendToBackground } from '../messaging/client';
import type { CaptureRequest } from '../capture/evidence';
import type { Covered } from '../capture/redact/summary';
import type {
  FramePick,
  TaggerContext,
  TouchpointForm,
  TouchpointPlace,
} from '../messaging/protocol';
import { hostOf } from '../util/url';
import { drawn } from './drawn';
import { createDraftSync } from './draft-sync';
import type { GuardState } from './event-guard';
import { clipHints } from './element-facts';
import { findFrameElement, frameContentOrigin, toParentViewport } from './frames';
import { mountGuarded, unmountGuarded } from './guarded-layer';
import type { HostLayer } from './host';
import { recordSave } from './perf';
import { createPicker, type PickResult } from './picker';
import { describePick, initialForm, liveRect, taggedLabel, type Described } from './place';
import { pristine } from './pristine';
import { createUiFrame, type UiFrame } from './ui-frame';
import type { FromUi } from './ui-protocol';
import { initialView, pickerViewOf, type TaggerActions, type TaggerView } from './view';

/** Draws the view's highlight into the layer (Preact in the content script; anything in tests). */
export type Renderer = (
  container: HTMLElement,
  view: TaggerView | null,
  actions: TaggerActions,
) => void;

/** The margin the evidence's crop keeps around the tagged box (lib/capture), and a little more. */
const SHOT_MARGIN = 24;
/** How long a first Escape over a written tag waits for the second that discards it. */
export const ESCAPE_AGAIN_MS = 4_000;
const grow = (r: Box, by: number): Box => ({
  x: r.x - by,
  y: r.y - by,
  width: r.width + 2 * by,
  height: r.height + 2 * by,
});

/** What a screenshot covered, as the panel's view lists it (nothing: no list). */
const coveredView = ({ redactions, coveredFrames }: Covered) => ({
  redactions: redactions ?? null,
  coveredFrames: coveredFrames ?? null,
});

/**
 * The tagger of the top frame: picking (with the sub-frames' pickers), the scoring panel,
 * drafts and Save with evidence. One per page; it keeps nothing the page can see once closed.
 */
export function createTopTagger(guard: GuardState, css: string, render: Renderer) {
  const send = sendToBackground;
  // Made when a pick opens the panel and kept in the draft: a retried save stores it once.
  let touchpointId: string | null = null;
  const drafts = createDraftSync(send, undefined, () => touchpointId);
  // The page going away (the shopper closes the tab, the page leaves by itself: a checkout
  // session that expires) would end the pause after typing that a draft save waits for: what
  // was typed last is sent now. The message leaves before the page's frame is gone.
  addEventListener('pagehide', () => drafts.flush(), true);
  let layer: HostLayer | null = null;
  let ui: UiFrame | null = null;
  /** A cancelled tag's draft being thrown away: tagging again waits for it. */
  let discarding: Promise<unknown> = Promise.resolve();
  let view = initialView(true);
  let context: Promise<TaggerContext | null> = Promise.resolve(null);
  let place: TouchpointPlace | null = null;
  let target: { element: Element | null; frame: Element | null; rect: Box } | null = null;
  const update = (patch: Partial<TaggerView>) => {
    view = { ...view, ...patch };
    if (!layer) return;
    render(layer.container, view, actions);
    ui?.show(view);
  };

  /** The UI frame of the open layer; one the page navigated away is replaced at once. */
  const makeUi = (into: HostLayer): UiFrame =>
    createUiFrame(into.ui, onUi, () => {
      if (layer !== into) return;
      ui = makeUi(into);
      ui.show(view);
      ui.focus();
    });

  const relayFrames = (active: boolean) =>
    void send('relay', { to: 'frames', type: 'setFramePicking', payload: { active } });

  function close(): void {
    if (!layer) return;
    if (view.phase === 'picking') relayFrames(false);
    guard.holdFocus = false;
    guard.reassert = null;
    guard.showing = null;
    guard.coveredBy = null;
    ui?.destroy();
    ui = null;
    unmountGuarded(guard, layer, render, actions);
    layer = null;
    place = null;
    target = null;
    touchpointId = null;
  }

  async function openPanel(
    described: Described,
    form: TouchpointForm | null = null,
    status: TaggerView['status'] = null,
    restored: Pick<TaggerView, 'reaudit' | 'redactions' | 'coveredFrames'> | null = null,
  ) {
    guard.modal = null;
    guard.holdFocus = true;
    if (!form || touchpointId === null) touchpointId = crypto.randomUUID();
    // The background guesses (its word lists stay out of this script); no answer, no guess.
    const guessed = form
      ? null
      : send('guessCategory', clipHints(described.hints)).then((r) => (r.ok ? r.value : null));
    place = { url: location.href, pageTitle: document.title, anchor: described.anchor };
    // A new pick: the background captures the tab as the shopper saw it, without our UI.
    const shot = form ? null : captureRequest();
    // The panel opens beside what was picked where there is room. Over it, the shot comes
    // first: the tagger hides now, while the background guesses.
    const clear = ui?.openBeside(shot && grow(shot.rect, SHOT_MARGIN)) ?? true;
    const first = !!shot && !!ui && !clear;
    if (first) hideForCapture();
    const ctx = await context;
    // Nor does the shot wait for the guess: the draft it is sent with gets the guess after.
    const early =
      first && ctx && layer ? drafts.saveNow(initialForm(ctx, null), place, shot) : null;
    const guess = await guessed;
    if (!layer) return;
    const startForm = form ?? (ctx ? initialForm(ctx, guess) : null);
    const shown: Partial<TaggerView> = {
      guess: guess && {
        category: guess.category,
        reason: t('tagger.guess', { reason: t(guess.reason.key, { detail: guess.reason.detail }) }),
      },
      phase: 'panel',
      shooting: false,
      hover: null,
      selected: target?.rect ?? null,
      context: ctx,
      form: startForm,
      formRev: view.formRev + 1,
      tagged: described.tagged,
      status,
      // A restored draft's parts come with its first view: drawn later, above the form, they
      // would move every control under the shopper's pointer.
      ...restored,
    };
    if (startForm && shot && !first) {
      // Away from the panel: the panel opens at once and the shot is taken meanwhile, the
      // pointer still caught and the pick's outline left out of it.
      update({ ...shown, ...coveredView({}), shooting: true });
      ui?.focus();
      // Asked for only once the panel is on the screen: a page that moves our layer about as
      // it opens (hide-host.html) has settled by then, and the pick's outline is gone.
      const id = touchpointId;
      await onScreen();
      // Cancelled, saved or picked again meanwhile: no draft of this pick may be written now
      // (it would come back in the next panel opened on this page).
      if (!layer || touchpointId !== id || view.phase !== 'panel') return;
      // The panel took keys meanwhile (it runs apart from the page, whose frames may come
      // late): the draft is what it shows now, and this save replaces any pending one.
      const covered = await drafts.saveNow(view.form ?? startForm, place, shot);
      if (layer && view.phase === 'panel') update({ shooting: false, ...coveredView(covered) });
      return;
    }
    if (early && startForm) {
      // The panel is drawn while the shot is taken, hidden (out of the shot), so that showing
      // it after is a change of class; the background answers once the tab's pixels are taken.
      update({ ...shown, phase: 'capturing', ...coveredView({}), opening: true });
      if (guess) void drafts.saveNow(startForm, place);
      Object.assign(shown, coveredView(await early));
      shown.opening = false;
    }
    if (!layer) return;
    update(shown);
    ui?.focus();
  }

  function onPick(pick: PickResult, frame: Element | null = null) {
    relayFrames(false);
    target = { element: pick.element, frame, rect: pick.viewportRect };
    void openPanel(describePick(pick, document));
  }

  function onFramePick(pick: FramePick) {
    if (!layer || view.phase !== 'picking') return;
    relayFrames(false);
    const frame = findFrameElement(document, pick.fromFrameId, pick.frameUrl);
    const origin = frame ? frameContentOrigin(frame) : { x: 0, y: 0 };
    target = { element: null, frame, rect: toParentViewport(pick.viewportRect, origin) };
    const anchor = {
      ...pick.anchor,
      framePath: [frame ? cssFromElement(frame) : pick.frameUrl, ...pick.anchor.framePath],
    };
    const hints = {
      pageHost: location.hostname,
      frameHost: hostOf(pick.frameUrl),
      hasCardFields: pick.hasCardFields,
    };
    void openPanel({ anchor, tagged: taggedLabel(anchor), hints });
  }

  function onPickFrameElement(frameUrl: string, frameId: number | undefined) {
    if (!layer || view.phase !== 'picking') return;
    const frame = findFrameElement(document, frameId, frameUrl);
    if (frame) onPick({ kind: 'element', element: frame, viewportRect: liveRect(frame)! });
  }

  function startPicking() {
    const picker = createPicker({
      doc: document,
      host: () => guard.host,
      view: pickerViewOf(update),
      onPick: (p) => onPick(p),
      onCancel: close,
    });
    guard.modal = picker.handle;
    guard.holdFocus = false;
    pickerControls = picker;
    update({ phase: 'picking' });
    relayFrames(true);
  }
  let pickerControls: ReturnType<typeof createPicker> | null = null;

  async function start(): Promise<void> {
    // The page may have erased the guard (`document.open()`): no tagging without it.
    if (layer || guard.ensure?.() === false) return;
    layer = mountGuarded(guard, css);
    guard.reassert = layer.reassert;
    guard.showing = layer.showing;
    guard.coveredBy = layer.coveredBy;
    // Back above a dialog the page showed, the open panel has the keys again.
    layer.onAbove = () => guard.holdFocus && ui?.focus();
    // A press on the picking surface as the layer went back on top is a pick (see the picker).
    layer.onShownAgain = () => {
      if (pickerControls && guard.modal === pickerControls.handle) pickerControls.shownAgain();
    };
    guard.onEscape = () => actions.escape();
    guard.refocus = () => ui?.focus();
    guard.onStrayKey = (e) => e.key !== 'Escape' && ui?.key(e);
    view = initialView(true);
    ui = makeUi(layer);
    ui.focus();
    context = send('getTaggerContext', { url: location.href }).then((r) => {
      if (!r.ok) return null;
      setLanguage(r.value.language, r.value.texts);
      return r.value;
    });
    await discarding;
    const draft = await send('getDraft', { url: location.href });
    // The panel and the picker (in the UI frame too) speak the shopper's language from their
    // first word.
    view = { ...view, context: await context };
    if (!layer) return;
    if (draft.ok && draft.value?.place) {
      const { form, place: saved } = draft.value;
      touchpointId = draft.value.touchpointId ?? null;
      const anchor = saved.anchor;
      const found =
        anchor && anchor.framePath.length === 0 ? anchorToElement(anchor, document) : null;
      const el = found && anchor?.kind === 'element' ? found.element : null;
      target = {
        element: el,
        frame: null,
        rect: liveRect(el) ?? { x: 0, y: 0, width: innerWidth, height: innerHeight },
      };
      const described: Described = {
        anchor: anchor ?? { css: 'html', text: '', rect: target.rect, framePath: [], kind: 'page' },
        tagged: anchor ? taggedLabel(anchor, el?.localName) : '',
        hints: { pageHost: location.hostname, frameHost: null, hasCardFields: false },
      };
      const reaudit = draft.value.reaudit;
      await openPanel(
        described,
        form,
        reaudit ? null : { kind: 'info', text: t('tagger.draftRestored') },
        { reaudit, ...coveredView(draft.value) },
      );
      // Keep where it was tagged, even if the tab has moved on since.
      if (place) place = saved;
      return;
    }
    startPicking();
  }

  /** The tagged thing's box in the viewport now (elements and frames may have moved). */
  function captureRect(): Box {
    if (!target) return { x: 0, y: 0, width: innerWidth, height: innerHeight };
    if (place?.anchor?.kind === 'page')
      return { x: 0, y: 0, width: innerWidth, height: innerHeight };
    return liveRect(target.element) ?? target.rect;
  }

  /** What to capture: the tagged box, now, in the top frame's viewport. */
  const captureRequest = (): CaptureRequest => ({
    rect: captureRect(),
    viewport: { width: innerWidth, height: innerHeight },
  });

  /**
   * Resolves once the tagger's last change is on the screen: the page's layer (the highlight)
   * and the UI frame, which its own process draws. Once the frame is resized (from the whole
   * page while picking to the panel's box), the browser may go on showing the page as it was,
   * highlight and all, until the frame has drawn at its new size (seen on a loaded machine: the
   * pick's screenshot had the highlight, or the panel where the element was).
   */
  const onScreen = () => Promise.all([drawn(), ui?.drawn()]).then(() => undefined);

  /**
   * Resolves once the tagger's UI, hidden for the last screenshot, is off the screen: the top
   * frame answers the background's mask request only then (`shotReady`), so the capture may
   * be asked for at once and the tab's masks searched while the browser draws.
   */
  let shotReady: Promise<void> = Promise.resolve();

  /** Hides the panel for a screenshot and says what to capture. */
  function hideForCapture(): CaptureRequest {
    update({ phase: 'capturing', status: null });
    shotReady = onScreen();
    return captureRequest();
  }

  const showStatus = (kind: 'ok' | 'error', text: string, retake = false) =>
    update({ phase: 'panel', status: { kind, text }, retake });

  async function save(): Promise<void> {
    const form = view.form;
    const id = touchpointId;
    if (!form || !place || id === null || view.phase !== 'panel' || view.retake) return;
    const started = pristine().now();
    await drafts.settle();
    // Hides the panel; the background has every frame (this one too) mask its own fields.
    const capture = hideForCapture();
    const result = await send('saveTouchpoint', { id, form, place, capture });
    if (!layer) return;
    if (result.ok) view = { ...view, redactions: result.value.redactions };
    if (!result.ok) {
      showStatus('error', t('tagger.saveFailed', { message: describeProblem(result.error) }));
    } else if (result.value.noScreenshot) {
      showStatus('error', t('tagger.savedNoShot'), true);
    } else {
      recordSave(pristine().now() - started);
      showStatus('ok', t('tagger.saved'));
      setTimeout(close, 700);
    }
  }

  async function retake(): Promise<void> {
    const id = touchpointId;
    if (!view.form || id === null || view.phase !== 'panel' || !view.retake) return;
    const capture = hideForCapture();
    const { includeFieldValues, uncovered } = view.form;
    const result = await send('retakeEvidence', {
      id,
      capture,
      includeFieldValues,
      ...(uncovered && { uncovered }),
    });
    if (!layer) return;
    if (result.ok && result.value.redactions)
      view = { ...view, redactions: result.value.redactions };
    if (result.ok && result.value.evidenceId !== null) {
      showStatus('ok', t('tagger.retaken'));
      setTimeout(close, 700);
    } else {
      const text = result.ok
        ? t('tagger.retakeFailed')
        : t('tagger.saveFailed', { message: describeProblem(result.error) });
      showStatus('error', text, true);
    }
  }

  /** When Escape last asked to be pressed again (see `escape`). */
  let escapedAt = -Infinity;
  const actions: TaggerActions = {
    setPickMode: (mode) => {
      pickerControls?.setMode(mode);
      update({ pickMode: mode, hover: null });
    },
    pickPage: () => pickerControls?.pickPage(),
    cancelPicking: close,
    change(form) {
      // Once saved, the tag is no draft any more (only the screenshot may still be retaken).
      if (view.retake) return;
      update({ form });
      drafts.schedule(form, place);
    },
    // Only the UI frame asks (see `onUi`): nothing of the page reaches these.
    save: () => void save(),
    retake: () => void retake(),
    cancel() {
      // Sent at once: the background takes a tab's draft messages in turn, so it comes after any
      // save in flight (the pick's, which waits for its screenshot), and the shopper may close
      // the tab before that save is answered.
      void drafts.settle();
      discarding = send('discardDraft', {});
      close();
    },
    escape() {
      const form = view.form;
      const written = !!form && (form.notes.trim() !== '' || Object.keys(form.scores).length > 0);
      const at = pristine().now();
      if (view.phase !== 'panel' || view.retake || !written || at - escapedAt < ESCAPE_AGAIN_MS) {
        actions.cancel();
        return;
      }
      escapedAt = at;
      update({ status: { kind: 'info', text: t('tagger.escapeAgain') } });
    },
    openPopup: () => void send('openExtensionPage', { page: 'popup' }),
    startDrag: () => undefined,
  };

  /** The point of the panel grabbed by its header, while it is dragged. */
  let grab: { x: number; y: number } | null = null;
  /** Where the pointer was in the page and on the screen as the drag began. */
  let grabbedAt: { x: number; y: number; screenX: number; screenY: number } | null = null;
  const dragTo = (x: number, y: number) => grab && ui?.moveTo(x - grab.x, y - grab.y);
  const endDrag = () => {
    grab = null;
    grabbedAt = null;
    guard.modal = null;
    guard.modalOverLayer = false;
  };

  /**
   * Moves the panel by its header: the frame reports the pointer while it is over the frame,
   * the page's events (taken from the page by the guard) once it is off it.
   */
  function drag(message: Extract<FromUi, { kind: 'drag' }>): void {
    const frame = ui?.rect();
    if (!frame) return;
    if (message.phase === 'start') {
      grab = { x: message.x, y: message.y };
      grabbedAt = {
        x: frame.left + message.x,
        y: frame.top + message.y,
        screenX: message.screenX,
        screenY: message.screenY,
      };
      guard.modal = (e) => {
        const m = e as PointerEvent;
        if (e.type === 'pointermove' || e.type === 'mousemove') dragTo(m.clientX, m.clientY);
        else if (e.type === 'pointerup' || e.type === 'pointercancel') endDrag();
        return true;
      };
      // The frame follows the pointer onto the page, and the page then sends the pointer's
      // events (the release too) to the frame's element, not into the frame.
      guard.modalOverLayer = true;
    } else if (message.phase === 'move' && grabbedAt) {
      // Measured on the screen from where the drag began: the frame's own coordinates are
      // those of where the frame was when the pointer moved, and it may have moved since (a
      // move not yet handled when the next one came put the panel a whole step too far).
      dragTo(
        grabbedAt.x + message.screenX - grabbedAt.screenX,
        grabbedAt.y + message.screenY - grabbedAt.screenY,
      );
    } else if (message.phase === 'end') endDrag();
  }

  /** What the shopper did in the UI frame (an extension page: nothing of the page's). */
  function onUi(message: FromUi): void {
    switch (message.kind) {
      case 'surface':
        // The picker reads the fields it needs off the plain copy of the event.
        guard.modal?.(message.event as unknown as Event);
        return;
      case 'drag':
        return drag(message);
      case 'setPickMode':
        return actions.setPickMode(message.mode);
      case 'pickPage':
        return actions.pickPage();
      case 'cancelPicking':
        return actions.cancelPicking();
      case 'change':
        return actions.change(message.form);
      case 'save':
        return void save();
      case 'retake':
        return void retake();
      case 'cancel':
        return actions.cancel();
      case 'escape':
        return actions.escape();
      case 'openPopup':
        return actions.openPopup();
    }
  }

  return {
    start: () => void start(),
    onFramePick,
    onPickFrameElement,
    /** A sub-frame's picker was cancelled with Escape: the whole tagging is. */
    onFrameCancelled: () => view.phase === 'picking' && close(),
    close,
    /** Resolves once the tagger's UI is out of the way of a screenshot (see `hideForCapture`). */
    shotReady: () => shotReady,
  };
}
