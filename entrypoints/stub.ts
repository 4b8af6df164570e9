import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startStub } from '@/lib/tagger/stub';

/**
 * While an audit runs, runs in every frame from document_start: the event guard and the
 * shortcut, and nothing the page can see (lib/tagger/stub.ts). The tagger itself
 * (`tagger.content`) is run into a tab's frames only when the shopper starts tagging there.
 * Not in the manifest and not a content script entrypoint: the background registers this file
 * as the content script while an audit runs (lib/background/content-registration.ts, with
 * every frame, document_start). Built as a plain script: a content script entrypoint would
 * wrap it in a context object with an `AbortController`, DOM interfaces built in every frame
 * for nothing.
 */
export default defineUnlistedScript(() => startStub());
