import * as v from 'valibot';
import type { CHANNEL } from './channel';
import {
  anchorMatchSchema,
  anchorSchema,
  captureSchema,
  emptySchema,
  formSchema,
  forwardToFrameSchema,
  framePickSchema,
  guessSchema,
  idSchema,
  perfStatsSchema,
  redactionsSchema,
  coveredFramesSchema,
  sensitiveKindSchema,
  pickHintsSchema,
  placeSchema,
  reauditNoteSchema,
  refindResultSchema,
  relayedSchema,
  showAnchorResultSchema,
  taggerContextSchema,
} from './schemas';

// Every runtime message of the extension, one map per direction. Each message is its request
// and response schemas (a `Result` on the wire); the types below are inferred from them. The
// receiving side validates every request (and its sender) before a handler sees it.

const message = <Req extends v.GenericSchema, Res extends v.GenericSchema>(
  request: Req,
  response: Res,
) => ({ request, response });

const done = v.object({ ok: v.boolean() });

/** Messages the background (or the popup) sends the content script of a tab's frames. */
export const contentMessages = {
  /** Starts tagging on the page (from the popup button, the extension command or a frame). */
  startTagging: message(relayedSchema({}), v.object({ started: v.boolean() })),
  /** Sub-frames start (or stop) their own picker while the top frame picks. */
  setFramePicking: message(relayedSchema({ active: v.boolean() }), done),
  /** Tells the top frame (or a frame holding frames) a sub-frame's picker picked something. */
  framePicked: message(framePickSchema, done),
  /** Asks the parent frame to pick the iframe element of the sending frame (tag it whole). */
  pickFrameElement: message(relayedSchema({ frameUrl: v.string() }), done),
  /**
   * Finds the anchor's element again in this frame (its `framePath` relative to this frame),
   * scrolls to it and outlines it in the closed shadow root for a few seconds. A top frame
   * whose anchor lies in a sub-frame answers where to forward the request instead.
   */
  highlightAnchor: message(
    v.strictObject({ anchor: anchorSchema }),
    v.union([showAnchorResultSchema, forwardToFrameSchema]),
  ),
  /**
   * For a re-audit: finds the anchor's element again in this frame and outlines it, as
   * `highlightAnchor` does, and answers how it was found with its anchor as the page is now
   * (relative to this frame); a frame whose anchor lies in a sub-frame answers where to go on.
   */
  refindAnchor: message(
    v.strictObject({ anchor: anchorSchema }),
    v.union([refindResultSchema, forwardToFrameSchema]),
  ),
  /**
   * Draws (or removes) opaque masks over this frame's own form fields (with `fields`) and over
   * personal data in its text (docs/REDACTION.md; kinds in `uncovered` left visible), in a closed
   * shadow root, while the background captures the tab; answers once they are painted, with how
   * many pieces of each kind showed in the frame's viewport (uncovered ones included).
   */
  setFieldMasks: message(
    v.strictObject({
      active: v.boolean(),
      fields: v.optional(v.boolean()),
      uncovered: v.optional(v.array(sensitiveKindSchema)),
    }),
    v.object({
      masks: v.number(),
      counts: v.optional(v.array(v.object({ kind: sensitiveKindSchema, count: v.number() }))),
    }),
  ),
  /**
   * During a capture, covers whole the sub-frames of this frame that did not draw their own
   * masks in time (named by the background), with the same opaque boxes, removed with them;
   * answers once painted, with how many of those frames it found.
   */
  coverFrames: message(
    v.strictObject({
      frames: v.array(v.strictObject({ frameId: v.number(), url: v.string() })),
    }),
    v.object({ covered: v.number() }),
  ),
  /** Timing figures of the tagger in the top frame, for `npm run bench`. */
  getPerfStats: message(emptySchema, perfStatsSchema),
};

const relayOf = <K extends ContentMessageType>(type: K) =>
  v.strictObject({
    to: v.picklist(['top', 'frames', 'parent']),
    type: v.literal(type),
    payload: contentMessages[type].request,
  });

/** Every message a content script or extension page sends the background. */
export const backgroundMessages = {
  /** Liveness: the extension's version and how many rubrics the database holds. */
  ping: message(emptySchema, v.object({ version: v.string(), rubrics: v.number() })),
  /** What the tagger needs to open its panel on the sender's page. */
  getTaggerContext: message(
    v.strictObject({ url: v.pipe(v.string(), v.maxLength(8_000)) }),
    taggerContextSchema,
  ),
  /**
   * Guesses the category of what was tagged from what the tagger read of it (pure; runs here
   * so its word lists stay out of the content script). Null when nothing tells.
   */
  guessCategory: message(pickHintsSchema, v.nullable(guessSchema)),
  /**
   * Keeps the panel's state for the sender's tab as the shopper types. With `pickCapture` (the
   * first save of a new pick, the tagger hidden), the background also screenshots the tab and
   * keeps the image with the draft, to compare with the capture at Save; it answers once done.
   */
  saveDraft: message(
    v.strictObject({
      form: formSchema,
      place: v.nullable(placeSchema),
      touchpointId: v.optional(idSchema),
      pickCapture: v.optional(captureSchema),
    }),
    /** With a pick capture: what it covered (absent when nothing was found or no shot). */
    v.object({
      savedAt: v.string(),
      redactions: v.optional(redactionsSchema),
      coveredFrames: v.optional(coveredFramesSchema),
    }),
  ),
  /**
   * The draft kept for the sender's tab, if any; else the newest draft tagged on `url` in
   * another tab (tab ids change when the browser restarts), which then moves to this tab.
   */
  getDraft: message(
    v.strictObject({ url: v.optional(v.pipe(v.string(), v.maxLength(8_000))) }),
    v.nullable(
      v.object({
        form: formSchema,
        place: v.nullable(placeSchema),
        touchpointId: v.optional(idSchema),
        /** The re-audit the tab's draft was opened for ("Visit again"). */
        reaudit: v.optional(reauditNoteSchema),
        /** What the pick's screenshot covered, for the panel's list. */
        redactions: v.optional(redactionsSchema),
        coveredFrames: v.optional(coveredFramesSchema),
      }),
    ),
  ),
  /** Forgets the sender's tab's draft. */
  discardDraft: message(emptySchema, v.object({ discarded: v.boolean() })),
  /**
   * Keeps the popup's off-page form for the running audit (written by the background: the
   * popup closes the moment the shopper clicks elsewhere, and a write of its own would go with
   * it). Fails with `no-active-audit` when no audit runs.
   */
  keepManualDraft: message(v.strictObject({ form: formSchema }), v.object({ kept: v.boolean() })),
  /**
   * Stores touchpoint `id` (made by the tagger) in the active audit and forgets the tab's draft,
   * in one transaction. A retry with an id already stored writes nothing and answers the stored
   * touchpoint. With `capture`, the background first screenshots the visible tab and stores the
   * crop as evidence; `noScreenshot` says a capture was asked for and none could be stored (tab
   * not in front, changed during the shot, quota, error): `evidenceId` is then null.
   */
  saveTouchpoint: message(
    v.strictObject({
      id: idSchema,
      form: formSchema,
      place: placeSchema,
      capture: v.optional(v.nullable(captureSchema)),
    }),
    v.object({
      id: v.string(),
      evidenceId: v.nullable(v.string()),
      noScreenshot: v.boolean(),
      /** The element looked different at Save than at the pick; both captures were kept. */
      changedAfterPick: v.optional(v.boolean()),
      /** What the stored screenshot covered (`Touchpoint.redactions`). */
      redactions: v.optional(redactionsSchema),
    }),
  ),
  /**
   * Screenshots the sender's tab again for stored touchpoint `id` that has no evidence and
   * attaches the crop. Idempotent: a touchpoint with evidence keeps it and answers its id;
   * `evidenceId` is null when the capture failed again.
   */
  retakeEvidence: message(
    v.strictObject({
      id: idSchema,
      capture: captureSchema,
      includeFieldValues: v.boolean(),
      uncovered: v.optional(v.array(sensitiveKindSchema)),
    }),
    v.object({ evidenceId: v.nullable(v.string()), redactions: v.optional(redactionsSchema) }),
  ),
  /**
   * Passes a tagger message between the frames of the sender's tab: to the top frame, to the
   * sender's parent frame (frames inside frames hand a pick up one level at a time), or to
   * every frame. The background adds the sender's `fromFrameId` to the payload.
   */
  relay: message(
    v.variant('type', [
      relayOf('startTagging'),
      relayOf('setFramePicking'),
      relayOf('framePicked'),
      relayOf('pickFrameElement'),
    ]),
    v.object({ delivered: v.boolean() }),
  ),
  /** Opens an extension page in a new tab (the tagger offers it when no audit runs). */
  openExtensionPage: message(
    v.strictObject({ page: v.literal('popup') }),
    v.object({ opened: v.boolean() }),
  ),
  /**
   * From an extension page only, after it started, resumed or ended an audit: the background
   * registers the tagger's content script iff an audit runs (and, when it starts, runs it in the
   * tabs already open). Answers whether it is registered.
   */
  auditChanged: message(emptySchema, v.object({ registered: v.boolean() })),
  /**
   * The shortcut pressed in a frame that runs only the stub (lib/tagger/stub.ts): the
   * background runs the tagger into the tab's frames that lack it and starts tagging.
   */
  startTaggingHere: message(emptySchema, v.object({ started: v.boolean() })),
  /** The popup's "Tag on this page": the same, for the tab it names (extension pages only). */
  startTaggingInTab: message(
    v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    v.object({ started: v.boolean() }),
  ),
  /**
   * "Sync now", from an extension page only: wakes team sync's loop for a round at once (it
   * also runs after local writes, on the server's changes and every half minute).
   */
  syncNow: message(emptySchema, v.object({ started: v.boolean() })),
  /**
   * "Show on page", from an extension page only: asks the content script of tab `tabId` (its
   * top frame, or the sub-frame the anchor's `framePath` names) to find the anchor's element
   * again, scroll to it and outline it; answers which selector found it, or `none`.
   */
  showAnchorInTab: message(
    v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)), anchor: anchorSchema }),
    showAnchorResultSchema,
  ),
  /**
   * "Visit again", from an extension page only: opens (or brings to front) a tab on the URL of
   * `previousId` (a touchpoint on the running audit's re-audit checklist), finds its element
   * again frame by frame, keeps the pending re-audit with the tab's draft and opens the tagger
   * there with that element (the whole page when it is gone) and the old category. Answers the
   * tab and how the element was found.
   */
  visitAgain: message(
    v.strictObject({ previousId: idSchema }),
    v.object({ tabId: v.number(), relocatedBy: anchorMatchSchema }),
  ),
};

/** A map of messages: each a request and a response schema. */
type MessageMap = Record<string, { request: v.GenericSchema; response: v.GenericSchema }>;
/** The request of message `K` of map `M`. */
type RequestIn<M extends MessageMap, K extends keyof M> = v.InferOutput<M[K]['request']>;
/** The response of message `K` of map `M` (its `Result`'s value). */
type ResponseIn<M extends MessageMap, K extends keyof M> = v.InferOutput<M[K]['response']>;
/** A map's messages as function signatures: request in, response out. */
type ProtocolOf<M extends MessageMap> = {
  [K in keyof M]: (req: RequestIn<M, K>) => ResponseIn<M, K>;
};

/** Names of the background's messages. */
export type BackgroundMessageType = keyof typeof backgroundMessages;
/** The request of a background message. */
export type RequestOf<K extends BackgroundMessageType> = RequestIn<typeof backgroundMessages, K>;
/** The response of a background message (its `Result`'s value). */
export type ResponseOf<K extends BackgroundMessageType> = ResponseIn<typeof backgroundMessages, K>;
/** The background's messages as function signatures: request in, response out. */
export type BackgroundProtocol = ProtocolOf<typeof backgroundMessages>;

/** Names of the content script's messages. */
export type ContentMessageType = keyof typeof contentMessages;
/** The request of a content-script message. */
export type ContentRequestOf<K extends ContentMessageType> = RequestIn<typeof contentMessages, K>;
/** The response of a content-script message (its `Result`'s value). */
export type ContentResponseOf<K extends ContentMessageType> = ResponseIn<typeof contentMessages, K>;
/** The content script's messages as function signatures: request in, response out. */
export type ContentProtocol = ProtocolOf<typeof contentMessages>;

/** The envelope of a message to the background; `channel` tells ours apart. */
export interface Envelope<K extends BackgroundMessageType = BackgroundMessageType> {
  channel: typeof CHANNEL;
  type: K;
  payload: RequestOf<K>;
}

/** The envelope of a message to a content script. */
export interface ContentEnvelope<K extends ContentMessageType = ContentMessageType> {
  channel: typeof CHANNEL;
  type: K;
  payload: ContentRequestOf<K>;
}

/** The tagger messages that may travel between frames through `relay`. */
export type RelayedType = RequestOf<'relay'>['type'];
/** The fields of a tagger panel a shopper fills in; shared by drafts and saving. */
export type TouchpointForm = v.InferOutput<typeof formSchema>;
/** Where on the page a touchpoint was tagged. */
export type TouchpointPlace = v.InferOutput<typeof placeSchema>;
/** Everything the tagger needs to show its panel for the current tab. */
export type TaggerContext = v.InferOutput<typeof taggerContextSchema>;
/** What a sub-frame's picker reports when the shopper picked something inside it. */
export type FramePick = v.InferOutput<typeof framePickSchema>;
/** How an anchor was found again on the page ("show on page"), or `none`. */
export type AnchorMatch = v.InferOutput<typeof anchorMatchSchema>;
/** What the content script answers to `highlightAnchor` when it looked itself. */
export type ShowAnchorResult = v.InferOutput<typeof showAnchorResultSchema>;
/** What a frame answers to `refindAnchor` when it looked itself. */
export type RefindResult = v.InferOutput<typeof refindResultSchema>;
/** A re-audit under way in a tab, as the tagger's panel shows it. */
export type ReauditNote = v.InferOutput<typeof reauditNoteSchema>;
/** What the top frame answers to `highlightAnchor` when the anchor lies in a sub-frame. */
export type ForwardToFrame = v.InferOutput<typeof forwardToFrameSchema>;
/** Timing figures the tagger keeps in memory (never on the page): medians in milliseconds. */
export type TaggerPerfStats = v.InferOutput<typeof perfStatsSchema>;
