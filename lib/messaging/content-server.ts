import { createMessageReader, errorText, type SenderInfo } from './envelope';
import {
  contentMessages,
  type ContentMessageType,
  type ContentRequestOf,
  type ContentResponseOf,
} from './protocol';
import { fail, type Result } from '../result';

/**
 * One handler per content-script message; it gets the validated request. It answers a
 * `Result`, or `undefined` when the message is not for this frame (a sub-frame asked for the
 * top frame's figures): the frame then stays silent, so the frame it is for answers.
 */
export type ContentHandlers = {
  [K in ContentMessageType]: (
    req: ContentRequestOf<K>,
  ) => Result<ContentResponseOf<K>> | Promise<Result<ContentResponseOf<K>>> | undefined;
};

/**
 * Builds a frame's `runtime.onMessage` listener: the same checks as the background's (sender,
 * envelope, request), then the handler. Whether the frame answers is decided synchronously: a
 * promise, even of nothing, would answer for the frame and could hide another frame's answer.
 */
export function createContentDispatcher(handlers: ContentHandlers, extensionId: string) {
  const read = createMessageReader(contentMessages);
  return (message: unknown, sender: SenderInfo): Promise<Result<unknown>> | undefined => {
    const incoming = read(message, sender, extensionId);
    if (!incoming.ok) return Promise.resolve(incoming);
    const { type, request } = incoming.value;
    const internal = (error: unknown) => fail('internal', `${type} failed: ${errorText(error)}`);
    try {
      // The request was parsed with `type`'s own schema; TypeScript cannot pair the two.
      const handler = handlers[type] as (
        req: unknown,
      ) => Result<unknown> | Promise<Result<unknown>> | undefined;
      const answer = handler(request);
      return answer === undefined ? undefined : Promise.resolve(answer).catch(internal);
    } catch (error) {
      return Promise.resolve(internal(error));
    }
  };
}
