import { t } from '@/lib/i18n/core';
import type { TaggerActions } from '@/lib/tagger/view';

/** The bar shown while picking: what to do, whole page, drag a rectangle, cancel. */
export function Toolbar({
  mode,
  actions,
  atTop,
}: {
  mode: 'element' | 'region';
  actions: TaggerActions;
  atTop: boolean;
}) {
  return (
    <div class={atTop ? 'toolbar top' : 'toolbar'} data-testid="tagger-toolbar">
      <span class="toolbar-text">{t('tagger.picking')}</span>
      <button type="button" data-testid="tagger-whole-page" onClick={() => actions.pickPage()}>
        {t('tagger.wholePage')}
      </button>
      <button
        type="button"
        data-testid="tagger-region"
        aria-pressed={mode === 'region'}
        onClick={() => actions.setPickMode(mode === 'region' ? 'element' : 'region')}
      >
        {t('tagger.region')}
      </button>
      <button type="button" data-testid="tagger-stop" onClick={() => actions.cancelPicking()}>
        {t('tagger.cancelPicking')}
      </button>
    </div>
  );
}
