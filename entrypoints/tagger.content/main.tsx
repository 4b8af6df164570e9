import { render } from 'preact';
import type { Renderer } from '@/lib/tagger/controller';
import { App } from './App';

/** Draws the tagger's view into its shadow root's container; a null view unmounts it. */
export const renderTagger: Renderer = (container, view, actions) => {
  render(view ? <App view={view} actions={actions} /> : null, container);
};
