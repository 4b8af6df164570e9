/**
 * Words and names the category guess looks for (the background runs the guess; see infer-category.ts).
 * Languages: en, tl, lv, ms, vi, ru. Matching is case-insensitive on normalised text.
 */

/** Labels that mark an ad slot, in our languages and a few common others. */
export const AD_LABEL =
  /^(ads?|advertisement|sponsored|promoted|patalastas|реклама|quảng cáo|iklan|reklāma|reklama)$/i;

/** Hosts of ad networks whose frames hold ads. */
export const AD_HOST =
  /doubleclick|googlesyndication|adservice|adnxs|adsystem|criteo|taboola|outbrain|adriver|adform|teads|an\.yandex|(^|\.)ads?\d*\./i;

/** Class and id tokens of ad slots (`ins.adsbygoogle`, `div-gpt-ad-…`, `ad-banner`). */
export const AD_MARK =
  /(^|[\s#._-])(ads?|adsbygoogle|adslot|adunit|advert\w*|gpt-ad|google_ads\w*|dfp|sponsored|yandex_rtb\w*|reklam\w*)(?=$|[\s#._-])/i;

/** Standard IAB ad sizes, width×height. */
export const AD_SIZES = [
  300, 250, 728, 90, 160, 600, 320, 50, 300, 600, 970, 250, 336, 280, 468, 60,
];

/** Chat vendors by host or markup (ids, classes, frame names). */
export const CHAT_MARK =
  /intercom|zendesk|zopim|livechat|tawk|drift|crisp|hubspot-messages|freshchat|tidio|liveagent|ladesk|olark|jivo|launcher|messenger|messaging|(^|[\s#._-])chat/i;

/** Class and id words of a few kinds of widgets, by category. */
export const MARKS: [category: string, mark: RegExp][] = [
  ['cart', /(^|[\s#._-])(mini-?cart|cart|basket)(?=$|[\s#._-])/],
  ['reviews_ratings', /review|rating|stars|trustpilot|yotpo|bazaarvoice|feefo/],
  ['checkout_step', /checkout|order-summary/],
  ['search_result', /search-?result|(^|[\s#._-])results?(?=$|[\s#._-])/],
  ['newsletter_signup', /newsletter|subscribe/],
  ['pricing_promotions', /price|promo|discount/],
  ['order_confirmation', /confirmation|thank-?you/],
];

/** Words of each category, by category id, first match wins within a category. */
export const WORDS: [category: string, words: RegExp][] = [
  [
    'order_confirmation',
    /thank you for your order|order (is )?confirmed|your order (number|no|#)|salamat sa|paldies par|terima kasih atas|cảm ơn bạn đã đặt|спасибо за заказ/i,
  ],
  [
    'returns_refunds',
    /\b(returns?|refunds?)\b|pagbabalik|ibalik|atgrie|pemulangan|pulangan|bayaran balik|đổi trả|trả hàng|hoàn tiền|возврат/i,
  ],
  [
    'shipping_delivery',
    /\b(delivery|shipping|dispatch)\b|paghahatid|padala|piegād|penghantaran|giao hàng|vận chuyển|доставк/i,
  ],
  ['reviews_ratings', /\b(reviews?|ratings?)\b|pagsusuri|atsauksm|ulasan|đánh giá|отзыв/i],
  ['newsletter_signup', /newsletter|subscribe|jaunum|langgan|bản tin|рассылк|подпис/i],
  ['cart', /\b(cart|basket)\b|grozs|troli|giỏ hàng|корзин/i],
  ['checkout_step', /check-?out|place (your )?order|order summary|kopsavilkums|thanh toán|оформ/i],
  ['payment', /\b(pay now|payment)\b|magbayad|apmaksa|pembayaran|оплат/i],
  [
    'pricing_promotions',
    /\b(sale|discount|offer|promo|deal)\b|% ?off|get the \w+ free|diskwento|atlaide|diskaun|giảm giá|скидк/i,
  ],
  ['search_result', /search results|showing [\d,.]+ (products|results)/i],
];

/** Page addresses that say where in the journey the shopper is. */
export const URL_WORDS: [category: string, path: RegExp][] = [
  ['order_confirmation', /confirm|thank-?you|order-received|success/i],
  ['checkout_step', /checkout/i],
  ['cart', /\/(cart|basket|bag)\b/i],
  ['returns_refunds', /return|refund/i],
  ['shipping_delivery', /shipping|delivery/i],
  ['search_result', /\/search\b|[?&](q|s|query|search|k)=/i],
  ['product_page', /\/(products?|p|dp|item)\//i],
];

/** A price in a currency the shops we audit use. */
export const PRICE =
  /[$€£₽₱₫]\s?\d|\d(\s?[.,]\d+)?\s?(€|₽|₫|đ|eur|usd|rm|rp|php|руб)|\b(rm|php|eur|usd)\s?\d/i;

/** Field descriptions that ask for an e-mail address. */
export const EMAIL_FIELD = /\bemail\b|e-mail|e-pasts|почт|thư điện tử/i;
