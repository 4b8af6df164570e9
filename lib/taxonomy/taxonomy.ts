import type { Category, ChannelId, StageId } from '../model';

/** Journey stages in journey order. */
export const STAGES: readonly StageId[] = [
  'awareness',
  'consideration',
  'purchase',
  'post_purchase',
  'retention',
  'advocacy',
];

/** Channels a touchpoint can happen on. */
export const CHANNELS: readonly ChannelId[] = [
  'web',
  'email',
  'chat',
  'social',
  'phone',
  'in_store',
  'mobile_app',
  'ad_network',
];

const byStage: Record<StageId, string[]> = {
  awareness: ['online_ad', 'search_result', 'social_post'],
  consideration: [
    'landing_page',
    'product_page',
    'pricing_promotions',
    'reviews_ratings',
    'live_chat',
    'contact_form',
    'newsletter_signup',
    'in_store_visit',
    'event_webinar',
  ],
  purchase: ['account_signup', 'cart', 'checkout_step', 'payment'],
  post_purchase: ['order_confirmation', 'shipping_delivery', 'packaging', 'returns_refunds'],
  retention: [
    'help_center',
    'customer_support',
    'survey_feedback',
    'loyalty_rewards',
    'subscription_renewal',
    'billing_invoice',
  ],
  advocacy: [],
};

const seededCategories = (): Category[] => [
  ...STAGES.flatMap((stage) =>
    byStage[stage].map((id): Category => ({ id, defaultStage: stage, builtin: true })),
  ),
  { id: 'other', defaultStage: 'consideration', builtin: true },
];

/**
 * The seeded categories, in taxonomy order, `other` last. (Marked pure so bundles that do not
 * use it, the content script's, leave it out.)
 */
export const DEFAULT_CATEGORIES: readonly Category[] = /* @__PURE__ */ seededCategories();

/** Whether a string is a known stage id. */
export function isStage(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}
