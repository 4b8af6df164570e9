import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTagger } from '@/lib/tagger/start';
import css from './style.css?inline';
import { renderTagger } from './main';

/**
 * While an audit runs, runs in every frame from document_start and changes nothing the page
 * can see until the shopper starts tagging (docs/ARCHITECTURE.md#stealth): Alt+Shift+T on the
 * page, the extension command, or the popup's "Tag on this page". Not in the manifest: the
 * background registers it when an audit starts and unregisters it when none runs
 * (lib/background/content-registration.ts, which repeats these options).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    startTagger(css, renderTagger);
  },
});
