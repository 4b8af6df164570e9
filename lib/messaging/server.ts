import * as v from 'valibot';
import type { BackgroundMessageType, BackgroundProtocol, RequestOf, ResponseOf } from './protocol';
import { fail, type Result } from './result';
import { describeIssues, envelopeSchema, requestSchemas } from './schemas';

/** Who sent a message, as `runtime.onMessage` reports it. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

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
  return async (message: unknown, sender: SenderInfo): Promise<Result<unknown>> => {
    if (sender.id !== opts.extensionId) {
      const reason = `refused a message from another sender (${sender.id ?? 'unknown'})`;
      opts.log(reason);
      return fail('forbidden-sender', reason);
    }
    const envelope = v.safeParse(envelopeSchema, message);
    if (!envelope.success) {
      const reason = `refused a malformed message: ${describeIssues(envelope.issues)}`;
      opts.log(reason);
      return fail('invalid-message', reason);
    }
    const type = envelope.output.type;
    const request = v.safeParse(requestSchemas[type], envelope.output.payload);
    if (!request.success) {
      const reason = `refused ${type}: ${describeIssues(request.issues)}`;
      opts.log(reason);
      return fail('invalid-message', reason);
    }
    try {
      const handler = handlers[type] as (req: unknown, s: SenderInfo) => Promise<Result<unknown>>;
      return await handler(request.output, sender);
    } catch (error) {
      const reason = `${type} failed: ${error instanceof Error ? error.message : String(error)}`;
      opts.log(reason);
      return fail('internal', reason);
    }
  };
}

export type { BackgroundProtocol };
