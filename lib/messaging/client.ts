import { browser } from 'wxt/browser';
import type { BackgroundMessageType, Envelope, RequestOf, ResponseOf } from './protocol';
import { fail, type Result } from './result';

/**
 * Sends a message to the background and returns its `Result`. A background that cannot be
 * reached (being restarted, extension reloaded) comes back as an `unreachable` failure.
 */
export async function sendToBackground<K extends BackgroundMessageType>(
  type: K,
  payload: RequestOf<K>,
): Promise<Result<ResponseOf<K>>> {
  const envelope: Envelope<K> = { channel: 'touchpoint-auditor', type, payload };
  try {
    const answer = (await browser.runtime.sendMessage(envelope)) as
      Result<ResponseOf<K>> | undefined;
    return answer ?? fail('unreachable', 'the background did not answer');
  } catch (error) {
    return fail('unreachable', error instanceof Error ? error.message : String(error));
  }
}
