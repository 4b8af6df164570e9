import { anchorForPage, anchorForRegion, anchorFromElement } from '../anchoring/anchor';
import { visibleText } from '../anchoring/text-quote';
import type { Box } from '../anchoring/position';
import type { Anchor, Category } from '../model';
import type { TaggerContext, TouchpointForm } from '../messaging/protocol';
import { t } from '../i18n/translate';
import { hostOf } from '../util/url';
import type { ElementFacts } from '../taxonomy/guess-category';
import type { Guess, PickHints } from '../taxonomy/infer-category';
import { hasCardFields } from './card-fields';
import { elementFacts } from './element-facts';
import type { PickResult } from './picker';

/** A pick described as data: its anchor, what to call it, and what it hints about the category. */
export interface Described {
  anchor: Anchor;
  tagged: string;
  hints: PickHints;
}

/** `button "Place order"`: how the panel names what was tagged (page text stays text). */
export function taggedLabel(anchor: Anchor, tag = 'element'): string {
  if (anchor.kind === 'page') return t('tagger.whatTagged.page');
  if (anchor.kind === 'region') return t('tagger.whatTagged.region');
  const quote = anchor.text.length > 60 ? `${anchor.text.slice(0, 60)}…` : anchor.text;
  return t('tagger.whatTagged.element', { what: quote ? `${tag} “${quote}”` : tag });
}

/** Turns a pick in this document into an anchor, with hints for the category guess. */
export function describePick(pick: PickResult, doc: Document, framePath: string[] = []): Described {
  const view = doc.defaultView;
  const scroll = { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0 };
  const pageHost = hostOf(doc.location?.href ?? '');
  let anchor: Anchor;
  let frameHost: string | null = null;
  let card = false;
  let tag = 'element';
  let facts: ElementFacts | null = null;
  if (pick.kind === 'page') {
    anchor = anchorForPage(doc, framePath);
    facts = elementFacts(doc.documentElement);
  } else if (pick.kind === 'region' || !pick.element) {
    const r = pick.viewportRect;
    const inside = doc.elementFromPoint?.(r.x + r.width / 2, r.y + r.height / 2);
    anchor = anchorForRegion(
      { ...r, x: r.x + scroll.x, y: r.y + scroll.y },
      inside ? visibleText(inside) : '',
      framePath,
    );
  } else {
    const el = pick.element;
    anchor = anchorFromElement(el, framePath);
    tag = el.localName;
    card = hasCardFields(el);
    if (el.localName === 'iframe' || el.localName === 'frame')
      frameHost = hostOf((el as HTMLIFrameElement).src);
    facts = elementFacts(el, view && view !== view.top ? pageHost : null);
  }
  return {
    anchor,
    tagged: taggedLabel(anchor, tag),
    hints: { pageHost, frameHost, hasCardFields: card, facts },
  };
}

/** The form a new touchpoint starts with: the guessed category and its default stage. */
export function initialForm(ctx: TaggerContext, guess: Guess | null): TouchpointForm {
  const categories: Category[] = ctx.categories;
  const category =
    categories.find((c) => c.id === guess?.category) ??
    categories.find((c) => c.id === 'other') ??
    categories[0];
  return {
    category: category?.id ?? 'other',
    stage: category?.defaultStage ?? 'consideration',
    channel: guess?.channel ?? 'web',
    scores: {},
    notes: '',
    includeFieldValues: false,
  };
}

/** The viewport box of an element now, or null when it left the document. */
export function liveRect(el: Element | null): Box | null {
  if (!el?.isConnected) return null;
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}
