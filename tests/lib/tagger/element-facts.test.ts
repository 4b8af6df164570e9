import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elementFacts } from '@/lib/tagger/element-facts';
import { hasCardFields, inferCategory } from '@/lib/tagger/infer';

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
  return inferCategory({
    pageHost: new URL(url).hostname,
    frameHost,
    hasCardFields: hasCardFields(el),
    facts,
  });
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
