/**
 * Words and names the category guess looks for, kept compact (they ship in the content script).
 * Languages: en, tl, lv, ms, vi, ru. Matching is case-insensitive on normalised text.
 */

/** Labels that mark an ad slot, in our languages and a few common others. */
export const AD_LABEL =
  /^(ads?|advertisement|advertising|advert|sponsored|promoted|anzeige|publicidad|patalastas|inisponsor|реклама|рекламa|quảng cáo|được tài trợ|iklan|ditaja|reklāma|reklama|sponsorēts)$/i;

/** Hosts of ad networks whose frames hold ads. */
export const AD_HOST =
  /(^|\.)(doubleclick\.net|googlesyndication\.com|googleadservices\.com|adnxs\.com|amazon-adsystem\.com|criteo\.(com|net)|taboola\.com|outbrain\.com|adform\.net|pubmatic\.com|rubiconproject\.com|openx\.net|smartadserver\.com|yandex\.(ru|net)|adriver\.ru|mgid\.com|teads\.tv|media\.net|adsrvr\.org|moatads\.com|sharethrough\.com|ads?\.[\w.-]+)$/i;

/** Class and id tokens of ad slots (`ins.adsbygoogle`, `div-gpt-ad-…`, `ad-banner`). */
export const AD_MARK =
  /(^|[\s#._-])(ads?|adsbygoogle|adslot|adunit|ad_unit|advert\w*|gpt-ad|google_ads\w*|dfp|sponsored|promoted-\w+|taboola\w*|outbrain\w*|yandex_rtb\w*|reklam\w*|data-ad-(slot|client|unit))(?=$|[\s#._-])/i;

/** Standard IAB ad sizes, width×height. */
export const AD_SIZES = [
  [300, 250],
  [728, 90],
  [160, 600],
  [320, 50],
  [300, 600],
  [970, 90],
  [970, 250],
  [336, 280],
  [468, 60],
  [320, 100],
  [250, 250],
  [120, 600],
  [300, 50],
] as const;

/** Chat vendors by host or markup (ids, classes, frame names). */
export const CHAT_MARK =
  /intercom|zendesk|zdassets|zopim|livechat|tawk|drift|crisp|hubspot-messages|hs-(chat|messages)|usemessages|freshchat|fc_(frame|widget)|freshworks|tidio|liveagent|ladesk|olark|jivo|smartsupp|userlike|gorgias|chatra|purechat|helpcrunch|launcher|messenger|messaging|(^|[\s#._-])chat/i;

/** Class and id words of a few kinds of widgets, by category. */
export const MARKS: [category: string, mark: RegExp][] = [
  ['cart', /(^|[\s#._-])(mini-?cart|cart|basket|shopping-bag)(?=$|[\s#._-])/],
  [
    'reviews_ratings',
    /review|rating|stars|trustpilot|yotpo|bazaarvoice|feefo|reevoo|judgeme|okendo/,
  ],
  ['checkout_step', /checkout|order-summary/],
  ['search_result', /search-?result|(^|[\s#._-])results?(?=$|[\s#._-])/],
  ['newsletter_signup', /newsletter|subscribe/],
  ['pricing_promotions', /price|promo|discount|coupon/],
  ['shipping_delivery', /shipping|delivery/],
  ['returns_refunds', /returns|refund/],
  ['order_confirmation', /confirmation|thank-?you/],
];

/** Words of each category, by category id, first match wins within a category. */
export const WORDS: [category: string, words: RegExp][] = [
  [
    'order_confirmation',
    /thank you for your order|order (is )?confirmed|order confirmation|your order (number|no\.?|#)|salamat sa (iyong )?order|paldies par (jūsu )?pasūtījumu|pasūtījums (ir )?apstiprināts|terima kasih atas pesanan|pesanan (anda )?(telah )?disahkan|cảm ơn bạn đã đặt hàng|đơn hàng (của bạn )?đã được xác nhận|спасибо за (ваш )?заказ|заказ (№|оформлен|подтвержд)/i,
  ],
  [
    'returns_refunds',
    /\b(returns?|refunds?)\b|money back|pagbabalik|ibalik|atgrieš|atgriez|naudas atmaksa|pemulangan|pulangan|bayaran balik|đổi trả|trả hàng|hoàn tiền|возврат/i,
  ],
  [
    'shipping_delivery',
    /\b(delivery|shipping|dispatch(ed)?|shipped|tracking)\b|paghahatid|pagpapadala|padala|piegād|penghantaran|pengiriman|giao hàng|vận chuyển|доставк/i,
  ],
  [
    'reviews_ratings',
    /\b(reviews?|ratings?|rated|stars?|testimonials?)\b|pagsusuri|atsauksm|vērtējum|ulasan|penilaian|đánh giá|nhận xét|отзыв|рейтинг|оценк/i,
  ],
  [
    'newsletter_signup',
    /newsletter|subscribe|sign up for (our )?(e-?mails?|offers|updates)|mag-?subscribe|jaunumu|abonē|pieteikties jaunum|langgan|buletin|bản tin|đăng ký nhận|рассылк|подпис/i,
  ],
  ['cart', /\b(cart|basket|shopping bag)\b|bagahe|grozs|grozā|troli|giỏ hàng|корзин/i],
  [
    'checkout_step',
    /check-?out|place (your )?order|shipping address|order summary|mag-?checkout|noformēt pasūtījumu|pasūtījuma kopsavilkums|daftar keluar|ringkasan pesanan|thanh toán|đặt hàng|оформ(ить|ление) заказ|итого к оплате/i,
  ],
  [
    'payment',
    /\b(pay now|payment|card number|pay with)\b|magbayad|apmaksa|samaksāt|bayar sekarang|pembayaran|оплат/i,
  ],
  [
    'pricing_promotions',
    /\b(sale|discount|% off|offer|promo(tion)?|coupon|deal|save \d|free gift)\b|\d+ ?% ?(off|atlaide|diskaun|скидк|giảm)|get the \w+ free|bawas|diskwento|atlaide|izpārdošan|diskaun|potongan|jualan|giảm giá|khuyến mãi|скидк|акци|распродаж/i,
  ],
  [
    'contact_form',
    /contact us|get in touch|makipag-?ugnayan|sazinies|sazināties|hubungi kami|liên hệ|связаться|свяжитесь|обратная связь/i,
  ],
  ['live_chat', /live chat|chat with us|makipag-?chat|tērzē|sembang|trò chuyện|онлайн-чат|чат/i],
  [
    'help_center',
    /help cent(re|er)|\bfaqs?\b|frequently asked|tulong|palīdzība|bantuan|trung tâm trợ giúp|câu hỏi thường gặp|справк|помощь|частые вопросы/i,
  ],
  ['loyalty_rewards', /loyalty|reward points|\bpoints\b|lojalitāt|ganjaran|tích điểm|бонус|баллы/i],
  [
    'search_result',
    /search results|results for|showing [\d,.]+ (products|results|items)|\d+ results|rezultāti|keputusan carian|kết quả tìm kiếm|результаты поиска/i,
  ],
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
