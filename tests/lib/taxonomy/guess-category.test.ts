import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsWith, guessCategory, type ElementFacts } from '@/lib/taxonomy/guess-category';
import { elementFacts } from '@/lib/tagger/element-facts';
import { inferCategory, type Guess } from '@/lib/taxonomy/infer-category';
import { hasCardFields } from '@/lib/tagger/card-fields';

const DIR = join(__dirname, '../../fixtures/real-markup');

interface Snippet {
  file: string;
  expect: string;
  facts: ElementFacts;
  card: boolean;
}

/** Parses a snippet and reads its target's facts, with its header's address and size. */
function loadSnippet(file: string): Snippet {
  const html = readFileSync(join(DIR, file), 'utf8');
  const head = /<!-- (.*?) -->/.exec(html)![1]!;
  const meta = Object.fromEntries(
    head.split('; ').map((kv) => [kv.slice(0, kv.indexOf(':')), kv.slice(kv.indexOf(':') + 2)]),
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const el = doc.querySelector(meta.target!);
  if (!el) throw new Error(`${file}: no ${meta.target}`);
  const [w, h] = (meta.size ?? '0x0').split('x').map(Number);
  const facts = { ...elementFacts(el), pageUrl: meta.url!, width: w!, height: h! };
  return { file, expect: meta.expect!, facts, card: hasCardFields(el) };
}

const snippets = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map(loadSnippet);

describe('guessCategory on real markup', () => {
  it('has at least 30 snippets', () => expect(snippets.length).toBeGreaterThanOrEqual(30));

  it('guesses at least 25 right, and prints the score', () => {
    const misses = snippets
      .map((s) => ({
        file: s.file,
        expect: s.expect,
        got: inferCategory({
          pageHost: new URL(s.facts.pageUrl).hostname,
          frameHost: null,
          hasCardFields: s.card,
          facts: s.facts,
        }) as Guess | null,
      }))
      .filter((r) => r.got?.category !== r.expect);
    const right = snippets.length - misses.length;
    console.log(`[guess] real-markup: ${right} / ${snippets.length} right`);
    for (const m of misses)
      console.log(`[guess] miss ${m.file}: expected ${m.expect}, got ${m.got?.category ?? 'none'}`);
    expect(right).toBeGreaterThanOrEqual(25);
  });
});

const base: ElementFacts = factsWith({ tag: 'div', pageUrl: 'https://shop.example/' });

describe('guessCategory', () => {
  it.each<[string, Partial<ElementFacts>, string | null, string]>([
    ['an AdSense slot', { tag: 'ins', marks: 'ins adsbygoogle' }, 'online_ad', 'guess.ad'],
    [
      'a Sponsored label',
      { labels: ['Sponsored'], text: 'Sponsored Shoes' },
      'online_ad',
      'guess.adLabel',
    ],
    ['a Реклама label', { labels: ['Реклама'] }, 'online_ad', 'guess.adLabel'],
    [
      'an ad network frame',
      { tag: 'iframe', frameHost: 'tpc.googlesyndication.com' },
      'online_ad',
      'guess.ad',
    ],
    ['a 728×90 image', { tag: 'img', width: 728, height: 90 }, 'online_ad', 'guess.ad'],
    [
      'a 728×90 paragraph of text',
      { tag: 'p', width: 728, height: 90, text: 'x'.repeat(80) },
      null,
      '',
    ],
    ['a Drift launcher', { marks: 'div #drift-widget-container' }, 'live_chat', 'guess.chat'],
    [
      'a newsletter box',
      { fields: ['email email  email you@x '], buttons: ['Subscribe'] },
      'newsletter_signup',
      'guess.newsletter',
    ],
    [
      'a sign-up form with a password',
      { fields: ['email email', 'password pw'], buttons: ['Create account'] },
      null,
      '',
    ],
    [
      'a schema.org Offer price',
      { schema: ['https://schema.org/Offer', 'price'] },
      'pricing_promotions',
      'guess.schema',
    ],
    ['a price', { text: '€89,00' }, 'pricing_promotions', 'guess.price'],
    [
      'returns words in Latvian',
      { text: 'Preču atgriešana 14 dienu laikā' },
      'returns_refunds',
      'guess.words',
    ],
    [
      'delivery words in Russian',
      { text: 'Доставка курьером' },
      'shipping_delivery',
      'guess.words',
    ],
    [
      'a cart page by its address',
      { pageUrl: 'https://shop.example/cart' },
      'cart',
      'guess.address',
    ],
    ['nothing to go by', {}, null, ''],
  ])('%s', (_what, facts, category, key) => {
    const got = guessCategory({ ...base, ...facts });
    expect(got?.category ?? null).toBe(category);
    if (got) expect(got.reason.key).toBe(key);
  });
});
