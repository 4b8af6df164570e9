import type { Box } from '../anchoring/position';
import type { ReauditNote, TaggerContext, TouchpointForm } from '../messaging/protocol';
import type { Redaction } from '../model';

/** What the tagger's UI shows; the controller owns it and re-renders on every change. */
export interface TaggerView {
  /** Picking, the panel open, or hidden for a screenshot. */
  phase: 'picking' | 'panel' | 'capturing';
  /** The top frame shows the toolbar and panel; sub-frames only the highlight. */
  isTop: boolean;
  pickMode: 'element' | 'region';
  /** The highlight under the pointer while picking (viewport box) and its label. */
  hover: { rect: Box; label: string } | null;
  /**
   * The highlight reaches the bottom of the viewport, where the picking toolbar sits: the
   * toolbar moves to the top. (The UI frame is told this, not where the highlight is.)
   */
  toolbarUp: boolean;
  /** The tagged thing's box while the panel is open. */
  selected: Box | null;
  context: TaggerContext | null;
  form: TouchpointForm | null;
  /** What was tagged, for the panel's header (page text, shown as text). */
  tagged: string;
  status: { kind: 'info' | 'error' | 'ok'; text: string } | null;
  /** Counts the forms the tagger put in the panel (a new pick, a restored draft): the UI frame
   * keeps the shopper's own edits of the form until this changes. */
  formRev: number;
  /** The category guessed from the page and why (translated), shown while it stands. */
  guess: { category: string; reason: string } | null;
  /** Saved without a screenshot: the panel offers to retake one instead of saving. */
  retake: boolean;
  /**
   * While picking, a transparent layer of ours catches the pointer, so the page's `:hover`
   * does not follow it; over a frame it lets the pointer through to the frame's own picker.
   */
  letThrough: boolean;
  /** The panel is open while the pick's screenshot is taken: the pointer is caught, no outline. */
  shooting?: boolean;
  /**
   * The panel of a new pick is drawn while the pick's screenshot is taken before it shows:
   * laid out but unseen (out of sight, out of the accessibility tree, no click or focus), so
   * that showing it after is one change of style.
   */
  opening?: boolean;
  /** The earlier wave's touchpoint this tag re-audits ("Visit again"), shown for reference. */
  reaudit?: ReauditNote | null;
  /** What the last screenshot of this tag covered (docs/REDACTION.md), listed by the panel. */
  redactions?: Redaction[] | null;
  /** How many frames of the page that screenshot covered whole (they did not answer in time). */
  coveredFrames?: number | null;
}

/** What the UI can ask the controller to do. */
export interface TaggerActions {
  setPickMode(mode: 'element' | 'region'): void;
  pickPage(): void;
  cancelPicking(): void;
  change(form: TouchpointForm): void;
  /** Saves, if `e` is the shopper's own click or key press on the panel. */
  save(e: Event): void;
  /** Captures again for a touchpoint saved without a screenshot (same rule as `save`). */
  retake(e: Event): void;
  cancel(): void;
  /**
   * Escape in the panel: cancels, except that a tag with scores or notes given asks for a second
   * Escape first (one stray key press must not throw away what the shopper wrote).
   */
  escape(): void;
  openPopup(): void;
  /** Starts moving the panel by its header. */
  startDrag(e: PointerEvent): void;
}

/** The height of the viewport's bottom band the picking toolbar takes (px). */
export const TOOLBAR_BAND = 90;

/** The picker's drawing (see `PickerView`) as changes of a view. */
export const pickerViewOf = (update: (patch: Partial<TaggerView>) => void) => ({
  hover: (rect: Box | null, label: string, letThrough: boolean) =>
    update({
      hover: rect ? { rect, label } : null,
      letThrough,
      toolbarUp: !!rect && rect.y + rect.height > innerHeight - TOOLBAR_BAND,
    }),
});

/** A fresh view for a frame. */
export const initialView = (isTop: boolean): TaggerView => ({
  phase: 'picking',
  isTop,
  pickMode: 'element',
  hover: null,
  toolbarUp: false,
  selected: null,
  context: null,
  form: null,
  tagged: '',
  status: null,
  formRev: 0,
  guess: null,
  retake: false,
  letThrough: false,
});
