import type { ChannelId } from '../model';
import { factsWith, guessCategory, type ElementFacts, type GuessReason } from './guess-category';

/** What the tagger could tell about what was tagged. */
export interface PickHints {
  /** The tab's host name. */
  pageHost: string;
  /** The host of the frame holding the element, or of the iframe tagged whole; null in the top page. */
  frameHost: string | null;
  /** The tagged element is, or sits in, a form with card-number fields. */
  hasCardFields: boolean;
  /** What the page says about the tagged element, when one was tagged in this frame. */
  facts?: ElementFacts | null;
}

/** A category (and the channel that goes with it) guessed from what was tagged, and why. */
export interface Guess {
  category: string;
  channel: ChannelId;
  reason: GuessReason;
}

const CHAT_HOST =
  /(^|[.-])(chat|livechat|intercom|zendesk|zopim|drift|tawk|crisp|olark|livechatinc|freshchat|tidio)([.-]|$)/i;
const WEBMAIL_HOST =
  /(^|\.)(mail|webmail|outlook|gmail)\.|^(mail|webmail)$|(^|\.)(outlook\.(live|office)\.com|mail\.google\.com)$|webmail/i;

/**
 * Guesses the category from what was tagged, for the panel's pre-fill: a frame from a chat
 * host is live chat, a form with card fields is payment, a page on a webmail host is an order
 * confirmation read in e-mail; otherwise what the page says about the element (ad slots, chat
 * launchers, forms, words…). Null when nothing tells; the shopper can always change it. Pure;
 * the background runs it (`guessCategory` message), so its word lists stay out of the
 * content script.
 */
export function inferCategory(h: PickHints): Guess | null {
  if (h.frameHost && CHAT_HOST.test(h.frameHost))
    return {
      category: 'live_chat',
      channel: 'chat',
      reason: { key: 'guess.chat', detail: h.frameHost },
    };
  if (h.hasCardFields)
    return {
      category: 'payment',
      channel: 'web',
      reason: { key: 'guess.form', detail: 'cc-number' },
    };
  if (WEBMAIL_HOST.test(h.pageHost))
    return {
      category: 'order_confirmation',
      channel: 'email',
      reason: { key: 'guess.address', detail: h.pageHost },
    };
  if (h.facts) return guessCategory(h.facts);
  return h.frameHost ? guessCategory(frameOnly(h.frameHost)) : null;
}

/** What is known of an element picked inside a frame of another origin: its frame's host. */
const frameOnly = (frameHost: string): ElementFacts => factsWith({ tag: 'iframe', frameHost });
