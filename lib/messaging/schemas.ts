import * as v from 'valibot';
import { MAX_ID_LENGTH } from '../model';
import { CHANNELS, STAGES } from '../taxonomy';
import type { BackgroundMessageType } from './protocol';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const empty = v.strictObject({});

const scoreValue = v.union([v.pipe(v.number(), v.integer()), v.literal('NA')]);

const form = v.strictObject({
  category: id,
  stage: v.picklist(STAGES),
  channel: v.picklist(CHANNELS),
  scores: v.record(id, scoreValue),
  notes: text(20_000),
  includeFieldValues: v.boolean(),
});

const rect = v.strictObject({
  x: v.number(),
  y: v.number(),
  width: v.number(),
  height: v.number(),
});

/** An anchor as stored (`lib/model`): selectors, quote, box and frame path. */
export const anchorSchema = v.object({
  css: text(4_000),
  text: text(4_000),
  prefix: v.optional(text(200)),
  suffix: v.optional(text(200)),
  rect,
  framePath: v.array(text(4_000)),
  kind: v.optional(v.picklist(['element', 'page', 'region'])),
});

const place = v.strictObject({
  url: text(8_000),
  pageTitle: text(2_000),
  anchor: v.nullable(anchorSchema),
});

/** The request schema of every background message; the background parses each one. */
export const requestSchemas = {
  ping: empty,
  getTaggerContext: v.strictObject({ url: text(8_000) }),
  saveDraft: v.strictObject({ form, place: v.nullable(place) }),
  getDraft: v.strictObject({ url: v.optional(text(8_000)) }),
  discardDraft: empty,
  saveTouchpoint: v.strictObject({
    form,
    place,
    capture: v.optional(
      v.nullable(
        v.strictObject({
          rect,
          viewport: v.strictObject({ width: v.number(), height: v.number() }),
        }),
      ),
    ),
  }),
  relay: v.strictObject({
    to: v.picklist(['top', 'frames', 'parent']),
    type: v.picklist(['startTagging', 'setFramePicking', 'framePicked', 'pickFrameElement']),
    payload: v.record(v.string(), v.unknown()),
  }),
  openExtensionPage: v.strictObject({ page: v.literal('popup') }),
  showAnchorInTab: v.strictObject({
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
    anchor: anchorSchema,
  }),
} satisfies Record<BackgroundMessageType, v.GenericSchema>;

/** The envelope every message travels in. */
export const envelopeSchema = v.strictObject({
  channel: v.literal('touchpoint-auditor'),
  type: v.picklist(Object.keys(requestSchemas) as BackgroundMessageType[]),
  payload: v.unknown(),
});

/** Renders valibot issues as `path: message` for logs and errors. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = v.getDotPath(first) ?? '(root)';
  return `${path}: ${first.message}`;
}
