import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { CHANNEL } from './channel';
import { errorText } from './envelope';
import {
  contentMessages,
  type ContentEnvelope,
  type ContentMessageType,
  type ContentRequestOf,
  type ContentResponseOf,
} from './protocol';
import { fail, type Result } from '../result';
import { resultSchema } from './schemas';

/**
 * Delivers a message to the content script of one frame of a tab (`frameId`), or of every
 * frame (the first answer wins), and resolves with the raw answer. `browser.tabs.sendMessage`
 * in the extension; a fake in tests.
 */
export type FrameTransport = (
  tabId: number,
  message: ContentEnvelope,
  frameId?: number,
) => Promise<unknown>;

/** The browser's transport to content scripts. */
export const tabsTransport: FrameTransport = (tabId, message, frameId) =>
  browser.tabs.sendMessage(tabId, message, frameId === undefined ? {} : { frameId });

/** The envelope of a message to a content script. */
export const contentEnvelope = <K extends ContentMessageType>(
  type: K,
  payload: ContentRequestOf<K>,
): ContentEnvelope<K> => ({ channel: CHANNEL, type, payload });

/**
 * Sends a message to a frame of a tab (every frame when `frameId` is undefined) and returns
 * its `Result`, checked against the message's response schema: the page's side is not
 * trusted. No content script, or no answer of that shape, comes back as `unreachable`.
 */
export async function sendToFrame<K extends ContentMessageType>(
  target: { tabId: number; frameId?: number },
  type: K,
  payload: ContentRequestOf<K>,
  send: FrameTransport = tabsTransport,
): Promise<Result<ContentResponseOf<K>>> {
  let raw: unknown;
  try {
    raw = await send(target.tabId, contentEnvelope(type, payload), target.frameId);
  } catch (error) {
    return fail('unreachable', errorText(error));
  }
  const answer = v.safeParse(resultSchema(contentMessages[type].response), raw);
  return answer.success ? answer.output : fail('unreachable', 'the page did not answer');
}
