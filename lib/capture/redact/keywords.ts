import type { Language } from '../../i18n/languages';

/**
 * The words that make a code nearby an order or booking reference, and a short number a phone
 * number, in one language. Matched case-insensitively as whole words; a multi-word entry may
 * have any whitespace between its words.
 */
export interface KeywordTable {
  /**
   * Words after which a code (letters and digits, at least one digit) is an order, booking or
   * confirmation reference: "order", "Заказ", "pasūtījums", "đơn hàng"…
   */
  order: readonly string[];
  /**
   * Words that may stand between such a word and its code ("number", "№", "của bạn là"):
   * anything else ends the search, so "Order total 1250000" is not a reference.
   */
  filler: readonly string[];
  /**
   * Words right before a number that make it a phone number even when it is written like a
   * quantity ("tālr. 29 123 456"). Numbers that look like phone numbers need none.
   */
  phone: readonly string[];
}

/**
 * One table per language the extension speaks. Every table is used unless the caller narrows
 * them (`findSensitive`'s `languages`): a Latvian shop's page may well show English words.
 */
export const KEYWORDS: Record<Language, KeywordTable> = {
  en: {
    order: [
      'order',
      'orders',
      'order number',
      'booking',
      'booking reference',
      'reference',
      'ref',
      'confirmation',
      'confirmation code',
      'reservation',
      'invoice',
      'ticket',
    ],
    filler: ['number', 'no', 'nr', 'num', 'id', 'code', 'is', 'your', 'ref', 'reference', 'the'],
    phone: ['phone', 'tel', 'telephone', 'mobile', 'mob', 'call', 'hotline', 'whatsapp', 'fax'],
  },
  tl: {
    // Tagalog pages use the English words for the order itself ("order", "booking").
    order: ['order', 'numero ng order', 'booking', 'reserbasyon', 'kumpirmasyon', 'resibo'],
    filler: ['ng', 'ang', 'mo', 'ay', 'numero', 'iyong', 'inyong', 'blg', 'na'],
    phone: ['telepono', 'numero ng telepono', 'cellphone', 'cp', 'tawagan'],
  },
  lv: {
    order: [
      'pasūtījums',
      'pasūtījuma',
      'pasūtījumu',
      'pasūtījuma numurs',
      'rezervācija',
      'rezervācijas',
      'apstiprinājums',
      'apstiprinājuma',
      'rēķins',
      'rēķina',
    ],
    filler: ['numurs', 'numuru', 'nr', 'kods', 'jūsu', 'ir'],
    phone: ['tālr', 'tālrunis', 'tālruņa', 'telefons', 'telefona', 'tel', 'mob'],
  },
  ms: {
    order: [
      'pesanan',
      'nombor pesanan',
      'tempahan',
      'nombor tempahan',
      'rujukan',
      'pengesahan',
      'invois',
    ],
    filler: ['nombor', 'no', 'kod', 'anda', 'ialah', 'adalah', 'id', 'bagi'],
    phone: ['telefon', 'tel', 'no tel', 'nombor telefon', 'bimbit', 'hubungi'],
  },
  vi: {
    order: [
      'đơn hàng',
      'mã đơn hàng',
      'mã đơn',
      'đặt chỗ',
      'mã đặt chỗ',
      'đặt phòng',
      'mã xác nhận',
      'hóa đơn',
      'hoá đơn',
    ],
    filler: ['mã', 'số', 'của', 'bạn', 'quý', 'khách', 'là'],
    phone: ['điện thoại', 'đt', 'sđt', 'số điện thoại', 'di động', 'hotline', 'zalo'],
  },
  ru: {
    order: [
      'заказ',
      'заказа',
      'заказу',
      'заказе',
      'заказом',
      'номер заказа',
      'бронь',
      'брони',
      'бронирование',
      'бронирования',
      'подтверждение',
      'подтверждения',
      'счёт',
      'счет',
    ],
    filler: ['номер', 'ваш', 'вашего', 'вашей', 'код', 'id'],
    phone: ['тел', 'телефон', 'телефона', 'моб', 'мобильный', 'звоните'],
  },
};
