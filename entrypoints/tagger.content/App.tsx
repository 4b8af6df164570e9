import type { Box } from '@/lib/anchoring/position';
import type { TaggerActions, TaggerView } from '@/lib/tagger/view';
import { Panel } from './Panel';
import { Toolbar } from './Toolbar';

const boxStyle = (r: Box) => ({
  left: `${r.x}px`,
  top: `${r.y}px`,
  width: `${r.width}px`,
  height: `${r.height}px`,
});

/** The tagger's layer on a page: highlight, picking toolbar and scoring panel. */
export function App({ view, actions }: { view: TaggerView; actions: TaggerActions }) {
  const capturing = view.phase === 'capturing';
  return (
    <>
      {(view.phase === 'picking' || capturing) && (
        // Takes the pointer from the page while picking, and while a screenshot is taken (the
        // panel gone, the pointer would be over the page): the page's :hover stays still.
        <div
          class={view.letThrough && !capturing ? 'catcher through' : 'catcher'}
          data-catcher=""
        />
      )}
      {!capturing && view.phase === 'picking' && view.hover && (
        <div class="highlight" style={boxStyle(view.hover.rect)}>
          <span class="highlight-label">{view.hover.label}</span>
        </div>
      )}
      {!capturing && view.phase === 'panel' && view.selected && (
        <div class="highlight selected" style={boxStyle(view.selected)} />
      )}
      {view.isTop && view.phase === 'picking' && (
        // The bar keeps out of the way: at the bottom, unless the highlight is down there.
        <Toolbar
          mode={view.pickMode}
          actions={actions}
          atTop={!!view.hover && view.hover.rect.y + view.hover.rect.height > innerHeight - 90}
        />
      )}
      {view.isTop && (view.phase === 'panel' || (capturing && view.form)) && (
        // Not there at all for the capture at the pick: the panel opens after it.
        <Panel view={view} actions={actions} hidden={capturing} />
      )}
    </>
  );
}
