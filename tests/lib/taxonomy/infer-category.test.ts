import { describe, expect, it } from 'vitest';
import { inferCategory } from '@/lib/taxonomy/infer-category';

describe('inferCategory', () => {
  it.each([
    [
      'a chat widget frame',
      { pageHost: 'northwind.localhost', frameHost: 'chat.localhost', hasCardFields: false },
      { category: 'live_chat', channel: 'chat' },
    ],
    [
      'an Intercom frame',
      { pageHost: 'shop.example', frameHost: 'widget.intercom.io', hasCardFields: false },
      { category: 'live_chat', channel: 'chat' },
    ],
    [
      'a form with card fields',
      { pageHost: 'northwind.localhost', frameHost: null, hasCardFields: true },
      { category: 'payment', channel: 'web' },
    ],
    [
      'webmail on mail.*',
      { pageHost: 'mail.localhost', frameHost: null, hasCardFields: false },
      { category: 'order_confirmation', channel: 'email' },
    ],
    [
      'Outlook on the web',
      { pageHost: 'outlook.live.com', frameHost: null, hasCardFields: false },
      { category: 'order_confirmation', channel: 'email' },
    ],
    [
      'Gmail',
      { pageHost: 'mail.google.com', frameHost: null, hasCardFields: false },
      { category: 'order_confirmation', channel: 'email' },
    ],
    [
      'a plain shop page',
      { pageHost: 'northwind.localhost', frameHost: null, hasCardFields: false },
      null,
    ],
    [
      'a video frame',
      { pageHost: 'northwind.localhost', frameHost: 'player.vimeo.com', hasCardFields: false },
      null,
    ],
  ])('%s', (_what, hints, expected) => {
    const got = inferCategory(hints);
    if (expected) expect(got).toMatchObject(expected);
    else expect(got).toBeNull();
  });
});
