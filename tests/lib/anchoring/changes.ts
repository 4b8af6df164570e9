/**
 * The kinds of change a saved real page goes through in the anchoring measurements (the unit
 * one in happy-dom, the end-to-end one in Chromium with layout), and which of its elements
 * are the targets. Plain DOM code: it runs in either.
 */

/** Changes `doc`, where `target` is the element that was tagged. */
export type Change = (doc: Document, target: Element) => void;

/** Tags never tagged as such (the page's frame, scripts, styles, metadata, drawings). */
export const SKIP = /^(html|head|body|script|style|title|meta|svg)$/;

/** Whether an element has text of its own (not only in its descendants). */
export const ownText = (el: Element): boolean =>
  Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '');

/** The targets of a whole saved page: each element with text of its own. */
export const pageTargets = (doc: Document): Element[] =>
  Array.from(doc.body.querySelectorAll('*')).filter(
    (el) => !SKIP.test(el.localName) && ownText(el),
  );

/** The longest text node inside `el`, or null when it has none. */
function longestText(doc: Document, el: Element): Text | null {
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let node: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if ((n.nodeValue ?? '').trim().length > (node?.nodeValue ?? '').trim().length) node = n;
  return node as Text | null;
}

/** Every class renamed, consistently, as a rebuild with new hashed names would. */
const renameClasses: Change = (doc) => {
  let n = 0;
  const renamed = new Map<string, string>();
  for (const e of Array.from(doc.querySelectorAll('[class]')))
    e.className = Array.from(e.classList)
      .map((c) => renamed.get(c) ?? (renamed.set(c, `k${(n++).toString(36)}q`), renamed.get(c)!))
      .join(' ');
};

/** A word of the same length that is another word: each letter and digit moved on by one. */
const shifted = (word: string): string =>
  word.replace(/[a-z0-9]/gi, (c) =>
    c === 'z' ? 'a' : c === 'Z' ? 'A' : c === '9' ? '0' : String.fromCharCode(c.charCodeAt(0) + 1),
  );

export const CHANGES: Record<string, Change> = {
  'new same-tag element earlier': (doc, el) => {
    const extra = doc.createElement(el.localName);
    for (const a of Array.from(el.attributes))
      if (a.name === 'class' || a.name === 'type') extra.setAttribute(a.name, a.value);
    extra.textContent = 'We use cookies to improve your visit';
    const host = el.parentElement?.parentElement ?? doc.body;
    host.prepend(extra);
  },
  'classes renamed': renameClasses,
  'sibling inserted': (doc, el) => {
    const extra = doc.createElement('div');
    extra.textContent = 'New this week: gift wrapping';
    el.before(extra);
  },
  'text edited slightly': (doc, el) => {
    const node = longestText(doc, el);
    if (!node) return;
    const text = node.nodeValue!;
    const words = text.split(' ');
    if (text.trim().length >= 16) {
      words.splice(Math.floor(words.length / 2), 0, 'really');
      node.nodeValue = words.join(' ');
    } else {
      const i = text.search(/\S/);
      const c = text[i]!;
      node.nodeValue =
        text.slice(0, i) +
        (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) +
        text.slice(i + 1);
    }
  },
  'moved into a new wrapper': (doc, el) => {
    const wrap = doc.createElement('div');
    wrap.className = 'wrapper';
    el.replaceWith(wrap);
    wrap.append(el);
  },
  // Defeats both the CSS selector (renamed classes, and a selector whose element no longer
  // fits the quote is rejected) and the text quote, so only the box is left: the later half
  // of the words of the element's longest text (at least one word) become other words of the
  // same length, so its box keeps about its size.
  'classes renamed, text rewritten': (doc, el) => {
    renameClasses(doc, el);
    const node = longestText(doc, el);
    if (!node) return;
    const parts = node.nodeValue!.split(/(\s+)/);
    const words = parts.map((p, i) => i).filter((i) => /\S/.test(parts[i]!));
    for (const i of words.slice(words.length - Math.max(1, Math.floor(words.length / 2))))
      parts[i] = shifted(parts[i]!);
    node.nodeValue = parts.join('');
  },
};
