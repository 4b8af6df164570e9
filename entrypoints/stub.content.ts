import { defineContentScript } from 'wxt/utils/define-content-script';
import { startStub } from '@/lib/tagger/stub';

/**
 * While an audit runs, runs in every frame from document_start: the event guard and the
 * shortcut, and nothing the page can see (lib/tagger/stub.ts). The tagger itself
 * (`tagger.content`) is run into a tab's frames only when the shopper starts tagging there.
 * Not in the manifest: the background registers it while an audit runs
 * (lib/background/content-registration.ts, which repeats these options).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    startStub();
  },
});
