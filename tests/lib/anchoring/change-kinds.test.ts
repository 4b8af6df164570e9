import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorFromElement, anchorToElement, structuralSelector } from '@/lib/anchoring';

/**
 * How anchors hold up when a saved real page changes: for every target (each element with
 * text of its own, and each real-markup snippet's target) and each kind of change, which
 * selector finds it again, and how often a wrong element comes back. The unit DOM has no
 * layout, so the position fallback is not exercised here.
 */
const FIXTURES = join(__dirname, '../../fixtures');
const PAGES = [
  'anchoring/real/news-article.html',
  'anchoring/real/shop-product.html',
  'anchoring/shop.html',
];
const SNIPPETS = readdirSync(join(FIXTURES, 'real-markup')).filter((f) => f.endsWith('.html'));

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const SKIP = /^(html|head|body|script|style|title|meta|svg)$/;
const ownText = (el: Element) =>
  Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '');

type Change = (doc: Document, target: Element) => void;

const CHANGES: Record<string, Change> = {
  'new same-tag element earlier': (doc, el) => {
    const extra = doc.createElement(el.localName);
    for (const a of Array.from(el.attributes))
      if (a.name === 'class' || a.name === 'type') extra.setAttribute(a.name, a.value);
    extra.textContent = 'We use cookies to improve your visit';
    const host = el.parentElement?.parentElement ?? doc.body;
    host.prepend(extra);
  },
  'classes renamed': (doc) => {
    let n = 0;
    const renamed = new Map<string, string>();
    for (const e of Array.from(doc.querySelectorAll('[class]')))
      e.className = Array.from(e.classList)
        .map((c) => renamed.get(c) ?? (renamed.set(c, `k${(n++).toString(36)}q`), renamed.get(c)!))
        .join(' ');
  },
  'sibling inserted': (doc, el) => {
    const extra = doc.createElement('div');
    extra.textContent = 'New this week: gift wrapping';
    el.before(extra);
  },
  'text edited slightly': (doc, el) => {
    const walker = doc.createTreeWalker(el, 4);
    let node: Node | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if ((n.nodeValue ?? '').trim().length > (node?.nodeValue ?? '').trim().length) node = n;
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
};

interface Case {
  source: string;
  html: string;
  path: string;
}

const cases: Case[] = [
  ...PAGES.flatMap((file) => {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    const doc = parse(html);
    return Array.from(doc.body.querySelectorAll('*'))
      .filter((el) => !SKIP.test(el.localName) && ownText(el))
      .map((el) => ({ source: file, html, path: structuralSelector(el, doc) }));
  }),
  ...SNIPPETS.map((file) => {
    const html = readFileSync(join(FIXTURES, 'real-markup', file), 'utf8');
    const target = /target: (.*?);/.exec(html)![1]!;
    const doc = parse(html);
    return { source: file, html, path: structuralSelector(doc.querySelector(target)!, doc) };
  }),
];

type Tally = Record<'css' | 'text' | 'position' | 'none' | 'wrong', number>;
const tallies: Record<string, Tally> = {};
const wrongOnes: string[] = [];

describe('anchors after a real page changed', () => {
  it.each(Object.keys(CHANGES))('%s', (kind) => {
    const tally: Tally = { css: 0, text: 0, position: 0, none: 0, wrong: 0 };
    for (const c of cases) {
      const before = parse(c.html);
      const anchor = anchorFromElement(before.querySelector(c.path)!);
      const after = parse(c.html);
      const target = after.querySelector(c.path)!;
      CHANGES[kind]!(after, target);
      const found = anchorToElement(anchor, after);
      tally[found.matchedBy]++;
      if (found.element && found.element !== target) {
        tally.wrong++;
        wrongOnes.push(
          `${kind}: ${c.source} ${anchor.css} “${anchor.text.slice(0, 30)}” got ${found.matchedBy} ${found.element.localName}.${found.element.className}`,
        );
      }
    }
    tallies[kind] = tally;
    expect(tally.wrong).toBe(0);
  });

  afterAll(() => {
    console.log(`[anchors] ${cases.length} targets per change kind`);
    console.log('[anchors] change kind | css | text | position | none | wrong element');
    for (const [kind, t] of Object.entries(tallies))
      console.log(
        `[anchors] ${kind} | ${t.css} | ${t.text} | ${t.position} | ${t.none} | ${t.wrong}`,
      );
    for (const w of wrongOnes) console.log(`[anchors] wrong: ${w}`);
  });
});
