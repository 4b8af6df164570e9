import { normalize, visibleText } from '../anchoring/text-quote';
import { FACT_LIMITS, type ElementFacts } from '../taxonomy/guess-category';
import type { PickHints } from '../taxonomy/infer-category';
import { hostOf } from '../util/url';

const MARK_ATTR = /^(id|class|name|aria-label|title|data-[\w-]+)$/;
const FIELD = 'input, textarea, select';
const BUTTON = 'button, [type="submit"]';

/** What a reader sees of an element (nothing of scripts and styles). */
const readable = (el: Element) =>
  /^(script|style|noscript|template)$/.test(el.localName) ? '' : visibleText(el);

/** An element's id, classes and hook attributes as one lowercase string. */
function marksOf(el: Element): string {
  let out = el.localName;
  for (const a of Array.from(el.attributes)) {
    if (!MARK_ATTR.test(a.name)) continue;
    const value = a.value.length > 60 ? '' : a.value;
    out += a.name === 'id' ? ` #${value}` : ` ${a.name.startsWith('data-') ? a.name : ''} ${value}`;
  }
  if (el.localName === 'iframe') out += ` ${hostOf((el as HTMLIFrameElement).src)}`;
  return out.toLowerCase();
}

const fieldOf = (f: Element) =>
  ['type', 'name', 'id', 'autocomplete', 'placeholder', 'aria-label']
    .map((a) =>
      a === 'type'
        ? f.localName === 'input'
          ? f.getAttribute(a) || 'text'
          : f.localName
        : (f.getAttribute(a) ?? ''),
    )
    .join(' ')
    .toLowerCase();

/** schema.org types named in the page's JSON-LD (`"@type": "Product"`), read as text. */
const jsonLdTypes = (doc: Document): string[] =>
  Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))
    .slice(0, 5)
    .flatMap((s) =>
      Array.from(
        (s.textContent ?? '').slice(0, 50_000).matchAll(/"@type"\s*:\s*"(\w+)"/g),
        (m) => m[1]!,
      ),
    );

/** The heading of the section an element sits in, and the text just before it. */
function nearbyText(el: Element): string {
  const section = el.parentElement?.closest('section, article, aside, form, li');
  const heading = section?.querySelector('h1, h2, h3, h4, legend');
  const before = el.previousElementSibling;
  const parts = [
    heading && !el.contains(heading) ? heading.textContent : '',
    before ? readable(before) : '',
  ];
  return normalize(parts.join(' ')).slice(0, 300);
}

/**
 * Reads what the category guess needs from a tagged element and its surroundings: marks,
 * texts, size, form fields, structured data. Reads only; the page sees nothing.
 */
export function elementFacts(el: Element, frameHost: string | null = null): ElementFacts {
  const doc = el.ownerDocument;
  const whole = el === doc.documentElement || el === doc.body;
  const r = el.getBoundingClientRect();
  let marks = marksOf(el);
  for (let a = el.parentElement, i = 0; a && i < 4 && a !== doc.body; a = a.parentElement, i++)
    marks += ` ${marksOf(a)}`;
  const inner = whole ? [] : Array.from(el.querySelectorAll('*'));
  if (inner.length <= 40) for (const d of inner.slice(0, 20)) marks += ` ${marksOf(d)}`;
  const form = el.closest('form') ?? (el.localName === 'form' ? el : null);
  const scope = whole ? null : (form ?? el);
  const fields = scope
    ? [...(scope.matches(FIELD) ? [scope] : []), ...Array.from(scope.querySelectorAll(FIELD))]
    : [];
  const buttons = scope ? Array.from(scope.querySelectorAll(BUTTON)).map(visibleText) : [];
  const labels = whole
    ? []
    : [
        // An ad's "Sponsored" sits just before it, or before the link around its image.
        ...[el, el.parentElement].map((e) => {
          const before = e?.previousElementSibling;
          return before && !before.childElementCount ? readable(before) : '';
        }),
        ...inner.filter((d) => d.childElementCount === 0).map(readable),
        el.getAttribute('aria-label') ?? '',
      ]
        .filter((t) => t && t.length <= 24)
        .slice(0, 20);
  const scoped = el.closest('[itemtype]');
  const schema = [
    scoped?.getAttribute('itemtype') ?? '',
    el.getAttribute('itemprop') ?? '',
    ...Array.from(el.querySelectorAll('[itemprop], [itemtype]'))
      .slice(0, 10)
      .map((d) => d.getAttribute('itemtype') ?? d.getAttribute('itemprop') ?? ''),
    ...jsonLdTypes(doc),
  ].filter(Boolean);
  const title = whole ? `${doc.title} ${doc.querySelector('h1')?.textContent ?? ''}` : '';
  return {
    tag: el.localName,
    ownMarks: whole ? '' : marksOf(el),
    marks: whole ? '' : marks,
    title: whole
      ? ''
      : normalize(
          el.getAttribute('aria-label') ??
            el.querySelector('h1, h2, h3, h4, legend, caption')?.textContent ??
            '',
        ).slice(0, 120),
    text: (whole ? normalize(title) : visibleText(el)).slice(0, 600),
    labels,
    nearby: whole ? '' : nearbyText(el),
    width: Math.round(r.width),
    height: Math.round(r.height),
    frameHost:
      el.localName === 'iframe' ? hostOf((el as HTMLIFrameElement).src) || frameHost : frameHost,
    pageUrl: doc.location?.href ?? '',
    fields: fields.slice(0, 20).map(fieldOf),
    buttons: buttons.filter(Boolean).slice(0, 5),
    schema,
  };
}

/** Fields of `ElementFacts` allowed more than `FACT_LIMITS.text`. */
const LONGER: Partial<Record<string, number>> = {
  ownMarks: FACT_LIMITS.marks,
  marks: FACT_LIMITS.marks,
  pageUrl: FACT_LIMITS.url,
};

/** A string clipped to `max`; a list cut to `FACT_LIMITS.items` clipped entries; else as is. */
const clip = <T>(x: T, max: number = FACT_LIMITS.text): T =>
  (typeof x === 'string'
    ? x.slice(0, max)
    : Array.isArray(x)
      ? x.slice(0, FACT_LIMITS.items).map((e: unknown) => clip(e, FACT_LIMITS.item))
      : x) as T;

/**
 * The hints as the background accepts them for a guess: every string and list the page wrote
 * clipped to `FACT_LIMITS` (only a page built to flood the guess ever reaches them).
 */
export function clipHints(h: PickHints): PickHints {
  const facts =
    h.facts &&
    (Object.fromEntries(
      Object.entries(h.facts).map(([key, x]) => [key, clip(x, LONGER[key])]),
    ) as unknown as ElementFacts);
  return { ...h, pageHost: clip(h.pageHost), frameHost: clip(h.frameHost), facts };
}
