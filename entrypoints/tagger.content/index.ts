import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';

/**
 * Runs in every frame from document_start and changes nothing the page can see until the
 * shopper starts tagging (DESIGN §5): it only listens, in its isolated world, for the
 * shortcut and for the popup's "Tag on this page".
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    const start = async () => {
      const { startTagger } = await import('@/lib/tagger/start');
      startTagger(ctx);
    };
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { channel?: string; type?: string } | null;
      if (m?.channel !== 'touchpoint-auditor' || m.type !== 'startTagging') return undefined;
      if (window !== window.top) return undefined;
      void start();
      return Promise.resolve({ ok: true, value: { started: true } });
    });
  },
});
