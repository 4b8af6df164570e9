import type { Renderer } from '@/lib/tagger/controller';
import { renderLayer } from '@/lib/tagger/layer-view';

/** Draws the tagger's view into its shadow root's container; a null view takes it away. */
export const renderTagger: Renderer = (container, view) => renderLayer(container, view);
