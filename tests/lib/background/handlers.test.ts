import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background';
import { AuditorDb } from '@/lib/db';
import { CHANNEL, createDispatcher, type SenderInfo } from '@/lib/messaging';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const tab: SenderInfo = { id: EXT, url: 'https://shop.example/', tab: { id: 3 }, frameId: 0 };
const guess = (payload: unknown) => ({ channel: CHANNEL, type: 'guessCategory', payload });
const hints = { pageHost: 'shop.example', frameHost: null, hasCardFields: false };
const facts = {
  tag: 'div',
  ownMarks: 'div #newsletter',
  marks: 'div #newsletter',
  title: '',
  text: 'Get 10% off your first order',
  labels: [],
  nearby: '',
  width: 400,
  height: 120,
  frameHost: null,
  pageUrl: 'https://shop.example/',
  fields: ['email email newsletter-email email your e-mail '],
  buttons: ['Subscribe'],
  schema: [],
};

let db: AuditorDb;
let dispatch: ReturnType<typeof createDispatcher>;

beforeEach(() => {
  db = new AuditorDb(`handlers-${crypto.randomUUID()}`);
  const handlers = createHandlers({ db, now: () => new Date(0), version: '0.1.0' });
  dispatch = createDispatcher(handlers, { extensionId: EXT, log: () => undefined });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the guessCategory handler', () => {
  it.each([
    ['a chat frame', { ...hints, frameHost: 'widget.intercom.io' }, 'live_chat', 'guess.chat'],
    ['card fields', { ...hints, hasCardFields: true }, 'payment', 'guess.form'],
    ['what the page says', { ...hints, facts }, 'newsletter_signup', 'guess.newsletter'],
  ])('guesses from %s', async (_what, payload, category, key) => {
    expect(await dispatch(guess(payload), tab)).toMatchObject({
      ok: true,
      value: { category, reason: { key } },
    });
  });

  it('answers null when nothing tells', async () => {
    expect(await dispatch(guess(hints), tab)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['a flood of text', { ...hints, facts: { ...facts, text: 'x'.repeat(2_001) } }],
    ['too many fields', { ...hints, facts: { ...facts, fields: Array(201).fill('text') } }],
    ['a field too long', { ...hints, facts: { ...facts, buttons: ['x'.repeat(501)] } }],
    ['a host too long', { ...hints, pageHost: 'a'.repeat(2_001) }],
    ['an extra field', { ...hints, evil: 1 }],
    ['facts missing a field', { ...hints, facts: { ...facts, marks: undefined } }],
  ])('refuses %s', async (_what, payload) => {
    expect(await dispatch(guess(payload), tab)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
  });
});
