import type { CaptureRequest } from '../capture/evidence';
import type {
  Anchor,
  Audit,
  Brand,
  Category,
  ChannelId,
  Rubric,
  ScoreValue,
  StageId,
  Study,
} from '../model';

/** The fields of a tagger panel a shopper fills in; shared by drafts and saving. */
export interface TouchpointForm {
  category: string;
  stage: StageId;
  channel: ChannelId;
  scores: Record<string, ScoreValue>;
  notes: string;
  /** Keep form field values visible in the evidence capture (masked by default). */
  includeFieldValues: boolean;
}

/** Where on the page a touchpoint was tagged. */
export interface TouchpointPlace {
  url: string;
  pageTitle: string;
  anchor: Anchor | null;
}

/** Everything the tagger needs to show its panel for the current tab. */
export interface TaggerContext {
  /** The running audit, or null: the tagger then offers to start one. */
  audit: Audit | null;
  study: Study | null;
  /** The audit's brand. */
  brand: Brand | null;
  /** A brand of the study that claims the tab's host, when it is not the audit's brand. */
  hostBrand: Brand | null;
  /** The study's pinned rubric (the default rubric when no audit runs). */
  rubric: Rubric;
  categories: Category[];
}

/**
 * Every message a content script or extension page sends the background, as a function
 * signature: request in, response out (wrapped in a `Result` on the wire).
 */
export interface BackgroundProtocol {
  /** Liveness: the extension's version and how many rubrics the database holds. */
  ping(req: Record<string, never>): { version: string; rubrics: number };
  /** What the tagger needs to open its panel on the sender's page. */
  getTaggerContext(req: { url: string }): TaggerContext;
  /** Keeps the panel's state for the sender's tab as the shopper types. */
  saveDraft(req: { form: TouchpointForm; place: TouchpointPlace | null }): { savedAt: string };
  /**
   * The draft kept for the sender's tab, if any; else the newest draft tagged on `url` in
   * another tab (tab ids change when the browser restarts), which then moves to this tab.
   */
  getDraft(req: { url?: string }): { form: TouchpointForm; place: TouchpointPlace | null } | null;
  /** Forgets the sender's tab's draft. */
  discardDraft(req: Record<string, never>): { discarded: boolean };
  /**
   * Stores a touchpoint in the active audit and forgets the tab's draft. With `capture`, the
   * background first screenshots the visible tab and stores the crop as the touchpoint's
   * evidence (`evidenceId` is null when no capture was asked for or possible).
   */
  saveTouchpoint(req: {
    form: TouchpointForm;
    place: TouchpointPlace;
    capture?: CaptureRequest | null;
  }): {
    id: string;
    evidenceId: string | null;
  };
  /**
   * Passes a tagger message between the frames of the sender's tab: to the top frame, to the
   * sender's parent frame (frames inside frames hand a pick up one level at a time), or to
   * every frame. The background adds the sender's `fromFrameId` to the payload.
   */
  relay(req: {
    to: 'top' | 'frames' | 'parent';
    type: RelayedType;
    payload: Record<string, unknown>;
  }): {
    delivered: boolean;
  };
  /** Opens an extension page in a new tab (the tagger offers it when no audit runs). */
  openExtensionPage(req: { page: 'popup' }): { opened: boolean };
  /**
   * "Show on page", from an extension page only: asks the content script of tab `tabId` (its
   * top frame, or the sub-frame the anchor's `framePath` names) to find the anchor's element
   * again, scroll to it and outline it; answers which selector found it, or `none`.
   */
  showAnchorInTab(req: { tabId: number; anchor: Anchor }): ShowAnchorResult;
}

/** How an anchor was found again on the page ("show on page"), or `none`. */
export type AnchorMatch = 'css' | 'text' | 'position' | 'none';

/** What the content script answers to `highlightAnchor`. */
export interface ShowAnchorResult {
  matchedBy: AnchorMatch;
}

/**
 * The top frame's answer to `highlightAnchor` when the anchor lies in one of its sub-frames:
 * the iframe's URL, so the background can forward the request to that frame.
 */
export interface ForwardToFrame {
  forwardTo: { frameUrl: string };
}

/** The tagger messages that may travel between frames through `relay`. */
export type RelayedType = 'startTagging' | 'setFramePicking' | 'framePicked' | 'pickFrameElement';

/** What a sub-frame's picker reports when the shopper picked something inside it. */
export interface FramePick {
  /** The anchor in the frame's own document (its `framePath` is completed by the top frame). */
  anchor: Anchor;
  /** The picked box in the frame's viewport, CSS pixels. */
  viewportRect: { x: number; y: number; width: number; height: number };
  /** The frame's URL, to find its iframe element when frame ids cannot be compared. */
  frameUrl: string;
  /** Whether the picked element is (or holds) a form with card fields. */
  hasCardFields: boolean;
  /** Filled in by the background: the sending frame's id. */
  fromFrameId?: number;
}

/** Names of the background's messages. */
export type BackgroundMessageType = keyof BackgroundProtocol;

/** The request type of a message. */
export type RequestOf<K extends BackgroundMessageType> = Parameters<BackgroundProtocol[K]>[0];

/** The response type of a message. */
export type ResponseOf<K extends BackgroundMessageType> = ReturnType<BackgroundProtocol[K]>;

/** The envelope on the wire; `channel` tells our messages apart from anything else. */
export interface Envelope<K extends BackgroundMessageType = BackgroundMessageType> {
  channel: 'touchpoint-auditor';
  type: K;
  payload: RequestOf<K>;
}

/** Messages the background (or popup) sends a tab's content script. */
export interface ContentProtocol {
  /** Starts tagging on the page (from the popup button or the extension command). */
  startTagging(req: Record<string, never>): { started: boolean };
  /** Sub-frames start (or stop) their own picker while the top frame picks. */
  setFramePicking(req: { active: boolean; fromFrameId?: number }): { ok: boolean };
  /** Tells the top frame a sub-frame's picker picked something. */
  framePicked(req: FramePick): { ok: boolean };
  /** Asks the top frame to pick the iframe element of the sending frame (tag a frame whole). */
  pickFrameElement(req: { frameUrl: string; fromFrameId?: number }): { ok: boolean };
  /**
   * Finds the anchor's element again in this frame (its `framePath` relative to this frame),
   * scrolls to it and outlines it in the closed shadow root for a few seconds. A top frame
   * whose anchor lies in a sub-frame answers where to forward the request instead.
   */
  highlightAnchor(req: { anchor: Anchor }): ShowAnchorResult | ForwardToFrame;
  /**
   * Draws (or removes) opaque masks over this frame's own form fields, in a closed shadow root,
   * while the background captures the tab; answers once they are painted.
   */
  setFieldMasks(req: { active: boolean }): { masks: number };
  /** Timing figures of the tagger in this frame, for `npm run bench`. */
  getPerfStats(req: Record<string, never>): TaggerPerfStats;
}

/** Timing figures the tagger keeps in memory (never on the page): medians in milliseconds. */
export interface TaggerPerfStats {
  pointerMoves: number;
  pointerMoveMedianMs: number | null;
  saves: number;
  saveMedianMs: number | null;
}
