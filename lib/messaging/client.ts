import * as v from 'valibot';
import { CHANNEL } from './channel';
import { errorText } from './envelope';
import {
  backgroundMessages,
  type BackgroundMessageType,
  type Envelope,
  type RequestOf,
  type ResponseOf,
} from './protocol';
import { fail, type Result } from '../result';
import { sendRuntimeMessage } from './runtime';
import { describeIssues, resultSchema } from './schemas';

/**
 * What Chromium ("the message channel/port closed before a response was received") and
 * Firefox ("…went out of scope") say when the background stopped while the message waited
 * for its answer: it may or may not have been done, and sending it again is safe for a save
 * (it carries its id, docs/RECOVERY.md).
 */
const BACKGROUND_STOPPED = /closed before a response|went out of scope/i;

/**
 * Sends a message to the background and returns its `Result`, checked against the message's
 * response schema. A background that cannot be reached (being restarted, extension reloaded)
 * comes back as an `unreachable` failure; one that stopped before it answered as
 * `background-stopped`.
 */
export async function sendToBackground<K extends BackgroundMessageType>(
  type: K,
  payload: RequestOf<K>,
): Promise<Result<ResponseOf<K>>> {
  const envelope: Envelope<K> = { channel: CHANNEL, type, payload };
  let raw: unknown;
  try {
    raw = await sendRuntimeMessage(envelope);
  } catch (error) {
    const text = errorText(error);
    return fail(BACKGROUND_STOPPED.test(text) ? 'background-stopped' : 'unreachable', text);
  }
  if (raw === undefined) return fail('unreachable', 'the background did not answer');
  const answer = v.safeParse(resultSchema(backgroundMessages[type].response), raw);
  if (!answer.success)
    return fail('invalid-message', `${type} answered ${describeIssues(answer.issues)}`);
  return answer.output;
}
