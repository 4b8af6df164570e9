import { TouchpointForm } from '@/components/TouchpointForm';
import { t } from '@/lib/i18n/core';
import type { TaggerActions, TaggerView } from '@/lib/tagger/view';
import { ReauditNote } from './ReauditNote';
import { Redactions } from './Redactions';

/**
 * The scoring panel of the tagger, movable by its header; Ctrl+Enter saves. `hidden` while a
 * screenshot is taken (its frame is then transparent), `unseen` too while a new pick's panel is
 * drawn before it shows (nothing in it can be read, clicked or focused yet).
 */
export function Panel({
  view,
  actions,
  hidden,
  unseen = false,
}: {
  view: TaggerView;
  actions: TaggerActions;
  hidden: boolean;
  unseen?: boolean;
}) {
  const { context, form } = view;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (view.retake) actions.retake(e);
      else actions.save(e);
    } else if (e.key === 'Escape' && !e.isComposing && e.keyCode !== 229) {
      // (An Escape that ends an input method's composition is the input method's.)
      e.preventDefault();
      actions.escape();
    }
  };
  const audit = context?.audit;
  return (
    <section
      class={['panel', hidden && 'hidden', unseen && 'unseen'].filter(Boolean).join(' ')}
      data-testid="tagger-panel"
      role="dialog"
      aria-label={t('tagger.title')}
      onKeyDown={onKeyDown}
    >
      {/* role none: a header or footer in the page's body would be a second banner or contentinfo. */}
      <header role="none" class="panel-head" onPointerDown={(e) => actions.startDrag(e)}>
        <strong>{t('tagger.title')}</strong>
        {audit && context?.brand && context.study && (
          <span class="muted" data-testid="tagger-audit">
            {t('tagger.auditLine', { brand: context.brand.name, study: context.study.name })}
          </span>
        )}
      </header>
      {context?.hostBrand && (
        <p class="warn" data-testid="tagger-other-brand">
          {t('tagger.otherBrand', { brand: context.hostBrand.name })}
        </p>
      )}
      {context && !audit && (
        <div class="warn" data-testid="tagger-no-audit">
          <p>{t('tagger.noAudit')}</p>
          <button type="button" data-testid="tagger-open-popup" onClick={() => actions.openPopup()}>
            {t('tagger.openPopup')}
          </button>
          <p class="muted">{t('tagger.openPopupHint')}</p>
        </div>
      )}
      {view.reaudit && <ReauditNote note={view.reaudit} rubric={context?.rubric} />}
      <p class="muted tagged" data-testid="tagger-what" title={view.tagged}>
        {view.tagged}
      </p>
      {form && view.guess?.category === form.category && (
        <p class="muted guess" data-testid="tagger-guess">
          {view.guess.reason}
        </p>
      )}
      {context && form && (
        <TouchpointForm
          rubric={context.rubric}
          categories={context.categories}
          value={form}
          onChange={(next) => actions.change(next)}
        />
      )}
      {form && (
        <button
          type="button"
          class="switch"
          role="switch"
          aria-checked={form.includeFieldValues}
          data-testid="tagger-include-values"
          onClick={() => actions.change({ ...form, includeFieldValues: !form.includeFieldValues })}
        >
          <span class="knob" aria-hidden="true" />
          {t('tagger.includeValues')}
        </button>
      )}
      {view.status && (
        <p class={`status ${view.status.kind}`} role="status" data-testid="tagger-status">
          {view.status.text}
        </p>
      )}
      <footer role="none" class="panel-foot">
        <button type="button" data-testid="tagger-cancel" onClick={() => actions.cancel()}>
          {t(view.retake ? 'tagger.close' : 'tagger.cancel')}
        </button>
        {view.retake ? (
          <button
            type="button"
            class="primary"
            data-testid="tagger-retake"
            onClick={(e) => actions.retake(e)}
          >
            {t('tagger.retake')}
          </button>
        ) : (
          <button
            type="button"
            class="primary"
            data-testid="tagger-save"
            disabled={!audit || !form}
            onClick={(e) => actions.save(e)}
          >
            {t('tagger.save')}
          </button>
        )}
      </footer>
      {/* Under the buttons: the pick's screenshot is taken while the panel is open, and what it
          covered arriving above them would move Save from under the shopper's pointer. */}
      {form && !view.retake && (!!view.redactions?.length || !!view.coveredFrames) && (
        <Redactions
          list={view.redactions ?? []}
          frames={view.coveredFrames ?? 0}
          form={form}
          onChange={(next) => actions.change(next)}
        />
      )}
    </section>
  );
}
