import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { pickHintsSchema } from '@/lib/messaging/schemas';
import { hasCardFields } from '@/lib/tagger/card-fields';
import { clipHints, elementFacts } from '@/lib/tagger/element-facts';
import { inferCategory } from '@/lib/taxonomy/infer-category';

const FIXTURES = join(__dirname, '../../fixtures');

/** The guess for an element of a saved fixture page, as the tagger would make it there. */
function guessFor(file: string, selector: string, url: string, frameHost: string | null = null) {
  const doc = new DOMParser().parseFromString(
    readFileSync(join(FIXTURES, file), 'utf8'),
    'text/html',
  );
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`${file}: no ${selector}`);
  const facts = { ...elementFacts(el, frameHost), pageUrl: url };
  const hints = clipHints({
    pageHost: new URL(url).hostname,
    frameHost,
    hasCardFields: hasCardFields(el),
    facts,
  });
  // What the tagger sends passes the background's checks.
  expect(v.safeParse(pickHintsSchema, hints).issues).toBeUndefined();
  return inferCategory(hints);
}

const shops = ['northwind', 'contoso'];

describe('the guess on every element the demo storefront tags', () => {
  it.each(
    shops.flatMap((shop) =>
      (
        [
          ['index.html', '#ad-banner', 'online_ad'],
          ['index.html', '#newsletter-form', 'newsletter_signup'],
          ['product.html', '#price-block', 'pricing_promotions'],
          ['product.html', '#reviews', 'reviews_ratings'],
          ['product.html', '#add-to-cart', 'cart'],
          ['cart.html', '#cart-summary', 'cart'],
          ['checkout.html', '#order-summary', 'checkout_step'],
          ['checkout.html', '#step-payment', 'payment'],
          ['confirmation.html', '#confirmation', 'order_confirmation'],
          ['returns.html', '#delivery-info', 'shipping_delivery'],
          ['returns.html', '#returns-policy', 'returns_refunds'],
        ] as const
      ).map(([page, sel, cat]) => [shop, page, sel, cat] as const),
    ),
  )('%s %s %s → %s', (shop, page, selector, category) => {
    const url = `http://${shop}.localhost:8080/${page}`;
    expect(guessFor(`sites/${shop}/${page}`, selector, url)?.category).toBe(category);
  });

  it('the chat widget in its frame, and an order e-mail in webmail', () => {
    const chat = guessFor(
      'sites/chat/widget.html',
      '#agent-name',
      'http://northwind.localhost/',
      'chat.localhost',
    );
    expect(chat).toMatchObject({ category: 'live_chat', channel: 'chat' });
    const mail = guessFor(
      'sites/mail/index.html',
      '#reading-pane',
      'http://mail.localhost:8080/?msg=northwind',
    );
    expect(mail).toMatchObject({ category: 'order_confirmation', channel: 'email' });
  });
});

describe('the guess on the hostile pages’ targets', () => {
  it.each([
    ['builtins.html', 'returns_refunds'],
    ['csp.html', 'order_confirmation'],
    ['purge.html', 'pricing_promotions'],
    ['purge-strict.html', 'pricing_promotions'],
    ['restyle.html', 'newsletter_signup'],
    ['stop-events.html', 'payment'],
    ['big.html', 'search_result'],
  ])('%s → %s', (file, category) => {
    const url = `http://hostile.localhost:8080/${file}`;
    expect(guessFor(`hostile/${file}`, '#target', url)?.category).toBe(category);
  });
});

describe('clipHints', () => {
  it('keeps a page built to flood the guess within what the background accepts', () => {
    const long = 'x'.repeat(100_000);
    const many = Array.from({ length: 5_000 }, () => long);
    const facts = {
      ...elementFacts(document.documentElement),
      tag: long,
      ownMarks: long,
      marks: long,
      title: long,
      text: long,
      labels: many,
      nearby: long,
      frameHost: long,
      pageUrl: long,
      fields: many,
      buttons: many,
      schema: many,
    };
    const flooded = { pageHost: long, frameHost: long, hasCardFields: false, facts };
    expect(v.safeParse(pickHintsSchema, flooded).success).toBe(false);
    expect(v.safeParse(pickHintsSchema, clipHints(flooded)).issues).toBeUndefined();
  });

  it('leaves what a real page yields as it is', () => {
    document.body.replaceChildren();
    const ad = document.createElement('div');
    ad.className = 'ad-banner';
    ad.textContent = 'Sponsored';
    document.body.append(ad);
    const hints = {
      pageHost: 'shop.example',
      frameHost: null,
      hasCardFields: false,
      facts: elementFacts(ad),
    };
    expect(clipHints(hints)).toEqual(hints);
    expect(clipHints({ ...hints, facts: undefined })).toEqual({ ...hints, facts: undefined });
  });
});
