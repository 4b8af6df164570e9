import type { ChannelId } from '../model';
import {
  AD_HOST,
  AD_LABEL,
  AD_MARK,
  AD_SIZES,
  CHAT_MARK,
  EMAIL_FIELD,
  MARKS,
  PRICE,
  URL_WORDS,
  WORDS,
} from './guess-words';

/**
 * What the page says about a tagged element, as plain data (the tagger reads it from the DOM;
 * tests write it by hand). Strings are as found; the guess normalises them.
 */
export interface ElementFacts {
  /** `div`, `iframe`, `html` for the whole page. */
  tag: string;
  /** Ids, classes and hook attributes of the element itself. */
  ownMarks: string;
  /** Ids, classes and hook attributes of the element, a few ancestors and descendants. */
  marks: string;
  /** Its name: `aria-label`, or the first heading inside it. */
  title: string;
  /** The element's text. */
  text: string;
  /** Short texts inside and just before it (an ad's "Sponsored" label). */
  labels: string[];
  /** Text around it: the heading of its section, its label. */
  nearby: string;
  width: number;
  height: number;
  /** Host of the frame it is or holds, or of the frame it sits in; null in the top page. */
  frameHost: string | null;
  pageUrl: string;
  /** Its form's fields (or the fields it holds): type, name, id, autocomplete, placeholder. */
  fields: string[];
  /** Texts of the buttons there. */
  buttons: string[];
  /** schema.org types around it (`Product`, `Offer`, `Review`) and `itemprop`s on it. */
  schema: string[];
}

/** The facts of an element known only by `known`: every other text empty, no frame host. */
export const factsWith = (known: Partial<ElementFacts>): ElementFacts => ({
  tag: '',
  ownMarks: '',
  marks: '',
  title: '',
  text: '',
  labels: [],
  nearby: '',
  width: 0,
  height: 0,
  frameHost: null,
  pageUrl: '',
  fields: [],
  buttons: [],
  schema: [],
  ...known,
});

/** The text keys (`guess.*`) that say why a category was guessed. */
export const GUESS_REASON_KEYS = [
  'guess.ad',
  'guess.adLabel',
  'guess.chat',
  'guess.newsletter',
  'guess.form',
  'guess.schema',
  'guess.price',
  'guess.words',
  'guess.markup',
  'guess.address',
] as const;

/** Why a category was guessed: a text key of `guess.*` and what it quotes. */
export interface GuessReason {
  key: (typeof GUESS_REASON_KEYS)[number];
  detail: string;
}

/**
 * The most an `ElementFacts` (and the hosts beside it) may hold, since the page writes these
 * strings: the tagger clips what it read to them and the background refuses more. Well above
 * what a real page yields.
 */
export const FACT_LIMITS = {
  /** One string: a tag, a title, a text, a host. */
  text: 2_000,
  /** `marks` and `ownMarks`. */
  marks: 10_000,
  /** The page's address. */
  url: 8_000,
  /** One entry of `labels`, `fields`, `buttons` or `schema`. */
  item: 500,
  /** Entries in one of those lists. */
  items: 200,
} as const;

/** A category guessed from the page, with the channel that goes with it and why. */
export interface CategoryGuess {
  category: string;
  channel: ChannelId;
  reason: GuessReason;
}

const guess = (
  category: string,
  key: GuessReason['key'],
  detail: string,
  channel: ChannelId = 'web',
): CategoryGuess => ({ category, channel, reason: { key, detail } });

const clip = (s: string, n = 40) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

const near = (a: number, b: number) => Math.abs(a - b) <= 3;

function adSlot(f: ElementFacts): CategoryGuess | null {
  if (f.frameHost && AD_HOST.test(f.frameHost))
    return guess('online_ad', 'guess.ad', f.frameHost, 'ad_network');
  const mark = AD_MARK.exec(f.marks);
  if (mark) return guess('online_ad', 'guess.ad', mark[2]!);
  const label = f.labels.find((l) => AD_LABEL.test(l.trim()));
  if (label) return guess('online_ad', 'guess.adLabel', label.trim());
  let size = '';
  for (let i = 0; i < AD_SIZES.length; i += 2)
    if (near(f.width, AD_SIZES[i]!) && near(f.height, AD_SIZES[i + 1]!))
      size = `${AD_SIZES[i]}×${AD_SIZES[i + 1]}`;
  // A box of a standard ad size holding little text (an article of that size holds more).
  if (size && f.text.trim().length < 60) return guess('online_ad', 'guess.ad', size);
  return null;
}

function formKind(f: ElementFacts): CategoryGuess | null {
  if (f.fields.length === 0) return null;
  const email = f.fields.some((x) => EMAIL_FIELD.test(x));
  const message = f.fields.some((x) => /^textarea\b/.test(x));
  const password = f.fields.some((x) => /^password\b/.test(x));
  const visible = f.fields.filter((x) => !/^(hidden|submit|button|checkbox|radio)\b/.test(x));
  const button = f.buttons[0] ?? '';
  if (email && password) return null;
  if (email && message) return guess('contact_form', 'guess.form', clip(button || 'textarea'));
  if (email && visible.length <= 3)
    return guess('newsletter_signup', 'guess.newsletter', clip(button));
  if (f.fields.some((x) => /shipping|address|postal|zip/.test(x)))
    return guess('checkout_step', 'guess.form', clip(button || 'address'));
  return null;
}

function schemaKind(f: ElementFacts): CategoryGuess | null {
  const s = f.schema.join(' ');
  if (/review|rating/i.test(s)) return guess('reviews_ratings', 'guess.schema', 'Review');
  if (/price|offers/i.test(s)) return guess('pricing_promotions', 'guess.schema', 'Offer');
  return null;
}

/** The category whose words occur most in the element's own text (then around it). */
function byWords(f: ElementFacts): CategoryGuess | null {
  for (const text of [f.title, f.text.slice(0, 600), f.nearby]) {
    let best: { category: string; word: string; count: number } | null = null;
    for (const [category, words] of WORDS) {
      const hits = text.match(new RegExp(words.source, 'gi'));
      if (hits && (!best || hits.length > best.count))
        best = { category, word: hits[0]!, count: hits.length };
    }
    if (best) {
      return guess(best.category, 'guess.words', best.word.trim());
    }
  }
  return null;
}

function byMarks(marks: string): CategoryGuess | null {
  for (const [category, re] of MARKS) {
    const m = re.exec(marks);
    if (m) return guess(category, 'guess.markup', m[0].replace(/^[\s#._-]/, ''));
  }
  return null;
}

function byAddress(f: ElementFacts): CategoryGuess | null {
  const path = f.pageUrl.replace(/^\w+:\/\/[^/]*/, '');
  const hit = URL_WORDS.find(([, re]) => re.test(path));
  return hit ? guess(hit[0], 'guess.address', clip(path, 30)) : null;
}

/**
 * Guesses what a tagged element is from what the page says about it: ad slots (ad networks'
 * frames, ad markup, an "Ad"/"Sponsored" label, a standard ad size), chat launchers, forms
 * (newsletter, contact, address), schema.org markup, the words on and around it in six
 * languages, a price, and last the page's address. Null when nothing tells. Pure.
 */
export function guessCategory(f: ElementFacts): CategoryGuess | null {
  const ad = adSlot(f);
  if (ad) return ad;
  const chat = CHAT_MARK.exec(`${f.frameHost ?? ''} ${f.marks}`);
  if (chat && f.tag !== 'html') return guess('live_chat', 'guess.chat', chat[0].trim(), 'chat');
  const form = formKind(f) ?? schemaKind(f) ?? byMarks(f.ownMarks);
  if (form) return form;
  const words = byWords(f);
  if (words && words.category !== 'search_result') return words;
  if (f.tag === 'html') return words ?? byAddress(f);
  const mark = byMarks(f.marks);
  if (mark) return mark;
  if (PRICE.test(f.text) && f.text.length < 120)
    return guess('pricing_promotions', 'guess.price', clip(PRICE.exec(f.text)![0]));
  if (words) return words;
  if (/\bProduct\b/.test(f.schema.join(' ')))
    return guess('product_page', 'guess.schema', 'Product');
  return byAddress(f);
}
