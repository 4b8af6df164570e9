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

describe('the auditChanged handler', () => {
  const ORIGIN = `chrome-extension://${EXT}/`;
  const popup: SenderInfo = { id: EXT, url: `${ORIGIN}popup.html` };
  const changed = { channel: CHANNEL, type: 'auditChanged', payload: {} };

  /** A dispatcher whose registration registers the tagger when synced (an audit was started). */
  function withRegistration() {
    const state = { registered: false };
    const handlers = createHandlers({
      db,
      now: () => new Date(0),
      version: '0.1.0',
      extensionOrigin: ORIGIN,
      contentScripts: {
        sync: async () => {
          state.registered = true;
          return { registered: true, injected: 0 };
        },
        startTaggingIn: async () => true,
      },
    });
    return { run: createDispatcher(handlers, { extensionId: EXT, log: () => undefined }), state };
  }

  it('matches the registration to the running audit when an extension page asks', async () => {
    const { run, state } = withRegistration();
    expect(await run(changed, popup)).toEqual({ ok: true, value: { registered: true } });
    expect(state.registered).toBe(true);
  });

  it('refuses a content script: the audited page cannot register scripts', async () => {
    const { run, state } = withRegistration();
    expect(await run(changed, tab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(state.registered).toBe(false);
  });
});
