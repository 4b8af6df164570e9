import { createMessageReader, errorText, type SenderInfo } from './envelope';
import {
  backgroundMessages,
  type BackgroundMessageType,
  type BackgroundProtocol,
  type RequestOf,
  type ResponseOf,
} from './protocol';
import { fail, isDatabaseClosed, type Result } from '../result';
import { metFullDisk } from '../util/full-disk';

export type { SenderInfo };

/** One handler per message; it gets the validated request and the (checked) sender. */
export type Handlers = {
  [K in BackgroundMessageType]: (
    req: RequestOf<K>,
    sender: SenderInfo,
  ) => Promise<Result<ResponseOf<K>>>;
};

/** What the dispatcher needs to know about this extension. */
export interface DispatchOptions {
  /** `runtime.id`: only this extension's own scripts may talk to the background. */
  extensionId: string;
  /** Where refusals are logged (the service worker's console in production). */
  log: (reason: string) => void;
}

/**
 * Builds the background's single message entry point: checks the sender (this extension's
 * content scripts and pages only), the envelope and the request's shape, then runs the
 * handler. Every outcome is a `Result`; a handler that throws becomes an `internal` failure.
 */
export function createDispatcher(handlers: Handlers, opts: DispatchOptions) {
  const read = createMessageReader(backgroundMessages);
  return async (message: unknown, sender: SenderInfo): Promise<Result<unknown>> => {
    const incoming = read(message, sender, opts.extensionId);
    if (!incoming.ok) {
      opts.log(String(incoming.error.params?.detail ?? incoming.error.code));
      return incoming;
    }
    const { type, request } = incoming.value;
    try {
      // The request was parsed with `type`'s own schema; TypeScript cannot pair the two.
      const handler = handlers[type] as (req: unknown, s: SenderInfo) => Promise<Result<unknown>>;
      return await handler(request, sender);
    } catch (error) {
      const reason = `${type} failed: ${errorText(error)}`;
      opts.log(reason);
      // A full disk is the shopper's to fix, so it is said in their words, not as a fault.
      if (await metFullDisk(error)) return fail('storage-full');
      // The database closed for a newer version opened elsewhere (lib/db/schema.ts).
      if (isDatabaseClosed(error)) return fail('app-updated');
      return fail('internal', reason);
    }
  };
}

export type { BackgroundProtocol };
