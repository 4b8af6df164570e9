import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Opens the tagger on the page. (The picker and panel arrive with the tagging issue.) */
export function startTagger(_ctx: ContentScriptContext): void {
  // TODO(2026-11-22): picker, anchors and scoring panel — issue 3.
}
