import type { Box } from '@/lib/anchoring/position';
import type { TaggerActions, TaggerView } from '@/lib/tagger/view';

const boxStyle = (r: Box) => ({
  left: `${r.x}px`,
  top: `${r.y}px`,
  width: `${r.width}px`,
  height: `${r.height}px`,
});

/**
 * The tagger's layer on a page: the highlight. The toolbar and the panel are in the UI frame
 * above it (lib/tagger/ui-frame.ts); the layer catching the pointer here takes over where the
 * frame lets it through and while a screenshot is taken.
 */
export function App({ view }: { view: TaggerView; actions: TaggerActions }) {
  const capturing = view.phase === 'capturing' || !!view.shooting;
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
    </>
  );
}
