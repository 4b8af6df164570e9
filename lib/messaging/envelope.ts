import * as v from 'valibot';
import { CHANNEL } from './channel';
import { fail, ok, type Result } from '../result';
import { describeIssues } from './schemas';

/** One direction's messages: each a request and a response schema. */
export type MessageMap = Record<string, { request: v.GenericSchema; response: v.GenericSchema }>;

/** Who sent a message, as `runtime.onMessage` reports it. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** An incoming message that passed every check: its type and its parsed request. */
export interface ReadMessage<M extends MessageMap> {
  type: keyof M & string;
  request: unknown;
}

/**
 * Builds the checks both directions run on an incoming message, in order: the sender (this
 * extension only), the envelope (our channel, a known type) and the request's shape. A refusal
 * is a `forbidden-sender` or `invalid-message` failure whose message says why.
 */
export function createMessageReader<M extends MessageMap>(messages: M) {
  const types = Object.keys(messages) as (keyof M & string)[];
  const envelope = v.strictObject({
    channel: v.literal(CHANNEL),
    type: v.picklist(types),
    payload: v.unknown(),
  });
  return (message: unknown, sender: SenderInfo, extensionId: string): Result<ReadMessage<M>> => {
    if (sender.id !== extensionId)
      return fail(
        'forbidden-sender',
        `refused a message from another sender (${sender.id ?? 'unknown'})`,
      );
    const read = v.safeParse(envelope, message);
    if (!read.success)
      return fail('invalid-message', `refused a malformed message: ${describeIssues(read.issues)}`);
    const type = read.output.type;
    const request = v.safeParse(messages[type]!.request, read.output.payload);
    if (!request.success)
      return fail('invalid-message', `refused ${type}: ${describeIssues(request.issues)}`);
    return ok({ type, request: request.output });
  };
}

/** The English text of an error, for a problem's `detail` (logs only). */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
