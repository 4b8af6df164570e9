/**
 * English texts, the reference catalogue: every other language translates these keys.
 * `{name}` placeholders are filled by `t()`.
 */
export const en = {
  'app.name': 'Touchpoint Auditor',

  'stage.awareness': 'Awareness',
  'stage.consideration': 'Consideration',
  'stage.purchase': 'Purchase',
  'stage.post_purchase': 'Post-purchase',
  'stage.retention': 'Retention',
  'stage.advocacy': 'Advocacy',

  'channel.web': 'Web',
  'channel.email': 'E-mail',
  'channel.chat': 'Chat',
  'channel.social': 'Social media',
  'channel.phone': 'Phone',
  'channel.in_store': 'In store',
  'channel.mobile_app': 'Mobile app',
  'channel.ad_network': 'Ad network',

  'category.online_ad': 'Online ad',
  'category.search_result': 'Search result',
  'category.social_post': 'Social post',
  'category.landing_page': 'Landing page',
  'category.product_page': 'Product page',
  'category.pricing_promotions': 'Pricing & promotions',
  'category.reviews_ratings': 'Reviews & ratings',
  'category.live_chat': 'Live chat',
  'category.contact_form': 'Contact form',
  'category.newsletter_signup': 'Newsletter sign-up',
  'category.in_store_visit': 'In-store visit',
  'category.event_webinar': 'Event / webinar',
  'category.account_signup': 'Account sign-up',
  'category.cart': 'Cart',
  'category.checkout_step': 'Checkout step',
  'category.payment': 'Payment',
  'category.order_confirmation': 'Order confirmation',
  'category.shipping_delivery': 'Shipping & delivery',
  'category.packaging': 'Packaging',
  'category.returns_refunds': 'Returns & refunds',
  'category.help_center': 'Help centre',
  'category.customer_support': 'Customer support',
  'category.survey_feedback': 'Survey / feedback',
  'category.loyalty_rewards': 'Loyalty & rewards',
  'category.subscription_renewal': 'Subscription renewal',
  'category.billing_invoice': 'Billing & invoice',
  'category.other': 'Other',

  'dimension.overall': 'Overall',

  'role.own': 'Own brand',
  'role.competitor': 'Competitor',

  'popup.title': 'Touchpoint Auditor',
  'popup.noAudit': 'No audit is running.',
  'popup.noStudy': 'No study yet. A lead sets one up in the settings.',
  'popup.startAudit': 'Start an audit',
  'popup.endAudit': 'End audit',
  'popup.tag': 'Tag on this page',
  'popup.addManual': 'Add an off-page touchpoint',
  'popup.exportCsv': 'Export CSV',
  'popup.openReport': 'Open report',
  'popup.openSettings': 'Settings',
  'popup.activeAudit': 'Auditing {brand} · {study}',
  'popup.scenario': 'Scenario: {scenario}',
  'popup.shopper': 'Shopper: {shopper}',
  'popup.elapsed': 'Running for {minutes} min',
  'popup.tagged': '{count} touchpoints tagged',
  'popup.rubricReady': 'Rubric: {name} (v{version}, {count} criteria)',

  'audit.study': 'Study',
  'audit.brand': 'Brand',
  'audit.scenario': 'Scenario',
  'audit.shopper': 'Your name',
  'audit.start': 'Start',
  'audit.cancel': 'Cancel',

  'error.generic': 'Something went wrong: {message}',
  'error.badMessage': 'The message was refused: {reason}',
  'error.noActiveAudit': 'No audit is running. Start one from the toolbar button first.',
  'error.notFound': '{what} was not found.',

  'options.title': 'Touchpoint Auditor — settings',
  'options.rubrics': 'Rubrics',
  'report.title': 'Comparison report',
  'report.noStudy': 'No study to report on yet.',
  'touchpoints.title': 'Touchpoints',
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;
