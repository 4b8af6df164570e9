import * as v from 'valibot';
import { LANGUAGES } from '../i18n/languages';
import type { Catalogue } from '../i18n/translate';
import { MAX_ID_LENGTH } from '../model';
import type { Audit, Brand, Category, Rubric, Study } from '../model';
import { anchorSchema as anchorShape } from '../model/anchor-schema';
import { CHANNELS, FACT_LIMITS, GUESS_REASON_KEYS, STAGES } from '../taxonomy';

// The building blocks of the messages in `protocol.ts`. Each is a valibot schema; the types
// the code uses are inferred from them, so a message's shape is written once.

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH));

/** A record id, as `lib/model/ids.ts` reads ids. */
export const idSchema = id;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A request without parameters. */
export const emptySchema = v.strictObject({});

const scoreValue = v.union([v.pipe(v.number(), v.integer()), v.literal('NA')]);

/** A kind of personal data redaction covers (`SensitiveKind` of `lib/model`). */
export const sensitiveKindSchema = v.picklist(['email', 'phone', 'card', 'iban', 'order']);

/** What a capture covered (`Touchpoint.redactions`): kinds found, how many, uncovered ones. */
export const redactionsSchema = v.array(
  v.object({
    kind: sensitiveKindSchema,
    count: v.number(),
    uncovered: v.optional(v.boolean()),
  }),
);

/**
 * How many frames of the page a capture covered whole because they did not answer in time
 * (`FramesMasked.coveredFrames`); absent when none.
 */
export const coveredFramesSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

/** The fields of a tagger panel a shopper fills in; shared by drafts and saving. */
export const formSchema = v.strictObject({
  category: id,
  stage: v.picklist(STAGES),
  channel: v.picklist(CHANNELS),
  scores: v.record(id, scoreValue),
  notes: text(20_000),
  /** Keep form field values visible in the evidence capture (masked by default). */
  includeFieldValues: v.boolean(),
  /** Kinds of personal data the shopper chose to show in this touchpoint's screenshot. */
  uncovered: v.optional(v.array(sensitiveKindSchema)),
});

/** A box in CSS pixels. */
export const rectSchema = v.strictObject({
  x: v.number(),
  y: v.number(),
  width: v.number(),
  height: v.number(),
});

const withinLimits = (a: v.InferOutput<typeof anchorShape>) =>
  a.css.length <= 4_000 &&
  a.text.length <= 4_000 &&
  (a.prefix ?? '').length <= 200 &&
  (a.suffix ?? '').length <= 200 &&
  a.framePath.every((step) => step.length <= 4_000);

/** An anchor as a message carries it: the stored shape, with its strings of bounded length. */
export const anchorSchema = v.pipe(
  anchorShape,
  v.check(withinLimits, 'an anchor field is too long'),
);

/** Where on the page a touchpoint was tagged. */
export const placeSchema = v.strictObject({
  url: text(8_000),
  pageTitle: text(2_000),
  anchor: v.nullable(anchorSchema),
});

/** What the tagger tells the background about the visible tab when it asks for evidence. */
export const captureSchema = v.strictObject({
  /** The tagged thing's box in the top frame's viewport, CSS pixels. */
  rect: rectSchema,
  /** The top frame's viewport size, CSS pixels. */
  viewport: v.strictObject({ width: v.number(), height: v.number() }),
});

/**
 * A record the background read from its own database, typed by `lib/model`. Its answers are
 * trusted as to the fields of such records (the database checks them when they are written);
 * the message around them is checked.
 */
const stored = <T extends object>() =>
  v.custom<T>((x) => typeof x === 'object' && x !== null, 'expected a record');

/** Everything the tagger needs to show its panel for the current tab. */
export const taggerContextSchema = v.object({
  /** The running audit, or null: the tagger then offers to start one. */
  audit: v.nullable(stored<Audit>()),
  study: v.nullable(stored<Study>()),
  /** The audit's brand. */
  brand: v.nullable(stored<Brand>()),
  /** A brand of the study that claims the tab's host, when it is not the audit's brand. */
  hostBrand: v.nullable(stored<Brand>()),
  /** The study's pinned rubric (the default rubric when no audit runs). */
  rubric: stored<Rubric>(),
  categories: v.array(stored<Category>()),
  /** The language the shopper chose, and its texts of the tagger (English fills the rest). */
  language: v.picklist(LANGUAGES),
  texts: stored<Catalogue>(),
});

/** The id of the frame that sent a relayed message, added by the background. */
const fromFrameId = v.optional(v.pipe(v.number(), v.integer()));

/** What a sub-frame's picker reports when the shopper picked something inside it. */
export const framePickSchema = v.strictObject({
  /** The anchor in the frame's own document (its `framePath` is completed by the top frame). */
  anchor: anchorSchema,
  /** The picked box in the frame's viewport, CSS pixels. */
  viewportRect: rectSchema,
  /** The frame's URL, to find its iframe element when frame ids cannot be compared. */
  frameUrl: v.string(),
  /** Whether the picked element is (or holds) a form with card fields. */
  hasCardFields: v.boolean(),
  /** Filled in by the background: the sending frame's id. */
  fromFrameId,
});

/** A request that may be relayed between frames: the background adds the sender's frame id. */
export const relayedSchema = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject({ ...entries, fromFrameId });

/** How an anchor was found again on the page ("show on page"), or `none`. */
export const anchorMatchSchema = v.picklist(['css', 'text', 'position', 'none']);

/** What a frame answers when it found (or not) the anchor's element itself. */
export const showAnchorResultSchema = v.object({ matchedBy: anchorMatchSchema });

/**
 * What a frame answers when it found an anchor's element again for a re-audit: how, and the
 * element's anchor as the page is now (null when nothing was found).
 */
export const refindResultSchema = v.object({
  matchedBy: anchorMatchSchema,
  anchor: v.nullable(anchorSchema),
});

/** A small JPEG data URL (an earlier touchpoint's screenshot, downscaled for the panel). */
export const thumbnailSchema = v.pipe(
  v.string(),
  v.maxLength(200_000),
  v.startsWith('data:image/jpeg;base64,'),
);

/**
 * A re-audit under way in a tab, as the tagger's panel shows it: which wave's touchpoint it
 * re-audits, how its element was found again, its scores and a small screenshot.
 */
export const reauditNoteSchema = v.object({
  wave: text(200),
  relocatedBy: anchorMatchSchema,
  textChanged: v.optional(v.boolean()),
  scores: v.record(id, scoreValue),
  shot: v.nullable(thumbnailSchema),
});

/**
 * The top frame's answer to `highlightAnchor` when the anchor lies in one of its sub-frames:
 * the iframe's URL, so the background can forward the request to that frame.
 */
export const forwardToFrameSchema = v.object({ forwardTo: v.object({ frameUrl: v.string() }) });

/** Timing figures the tagger keeps in memory (never on the page): medians in milliseconds. */
export const perfStatsSchema = v.object({
  pointerMoves: v.number(),
  pointerMoveMedianMs: v.nullable(v.number()),
  pointerMoveMeanMs: v.nullable(v.number()),
  saves: v.number(),
  saveMedianMs: v.nullable(v.number()),
});

const list = v.pipe(v.array(text(FACT_LIMITS.item)), v.maxLength(FACT_LIMITS.items));
const host = v.nullable(text(FACT_LIMITS.text));

/** What the page says about a tagged element (`ElementFacts`), within `FACT_LIMITS`. */
export const elementFactsSchema = v.strictObject({
  tag: text(FACT_LIMITS.text),
  ownMarks: text(FACT_LIMITS.marks),
  marks: text(FACT_LIMITS.marks),
  title: text(FACT_LIMITS.text),
  text: text(FACT_LIMITS.text),
  labels: list,
  nearby: text(FACT_LIMITS.text),
  width: v.number(),
  height: v.number(),
  frameHost: host,
  pageUrl: text(FACT_LIMITS.url),
  fields: list,
  buttons: list,
  schema: list,
});

/** What the tagger could tell about what was tagged (`PickHints`), for the category guess. */
export const pickHintsSchema = v.strictObject({
  pageHost: text(FACT_LIMITS.text),
  frameHost: host,
  hasCardFields: v.boolean(),
  facts: v.optional(v.nullable(elementFactsSchema)),
});

/** A category guessed from what was tagged, with its channel and why (`Guess`). */
export const guessSchema = v.object({
  category: id,
  channel: v.picklist(CHANNELS),
  reason: v.object({ key: v.picklist(GUESS_REASON_KEYS), detail: v.string() }),
});

/** A `Problem` (lib/result) as it crosses a message boundary: a code, its parameters, a path. */
export const problemSchema = v.object({
  code: text(200),
  params: v.optional(v.record(text(200), v.union([text(8_000), v.number()]))),
  path: v.optional(text(2_000)),
});

/** A `Result` (lib/result) whose value has the shape `value`. */
export const resultSchema = <T extends v.GenericSchema>(value: T) =>
  v.variant('ok', [
    v.object({ ok: v.literal(true), value }),
    v.object({ ok: v.literal(false), error: problemSchema }),
  ]);

/** Renders valibot issues as `path: message` for logs and errors. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = v.getDotPath(first) ?? '(root)';
  return `${path}: ${first.message}`;
}
