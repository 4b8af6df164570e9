import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorFromElement, anchorToElement, structuralSelector } from '@/lib/anchoring';
import { CHANGES, pageTargets } from './changes';

/**
 * How anchors hold up when a saved real page changes: for every target (each element with
 * text of its own, and each real-markup snippet's target) and each kind of change, which
 * selector finds it again, and how often a wrong element comes back. The unit DOM has no
 * layout, so the position fallback is not exercised here (tests/e2e/anchoring-real.test.ts
 * measures the same in Chromium).
 */
const FIXTURES = join(__dirname, '../../fixtures');
const PAGES = [
  'anchoring/real/news-article.html',
  'anchoring/real/shop-product.html',
  'anchoring/shop.html',
];
const SNIPPETS = readdirSync(join(FIXTURES, 'real-markup')).filter((f) => f.endsWith('.html'));

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

interface Case {
  source: string;
  html: string;
  path: string;
}

const cases: Case[] = [
  ...PAGES.flatMap((file) => {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    const doc = parse(html);
    return pageTargets(doc).map((el) => ({
      source: file,
      html,
      path: structuralSelector(el, doc),
    }));
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
