import { describe, expect, it } from 'vitest';
import { findSensitive, ibanValid, luhnValid } from '@/lib/capture/redact';
import type { Language } from '@/lib/i18n/languages';

/** What findSensitive reports, as `kind:the covered text`, in text order. */
const found = (text: string, languages?: Language[]) =>
  findSensitive(text, languages ? { languages } : {}).map(
    (m) => `${m.kind}:${text.slice(m.start, m.end)}`,
  );

type Row = [text: string, expected: string[]];

/** Real-looking texts of checkout, confirmation and chat pages, by language. */
const TABLE: Record<Language, Row[]> = {
  en: [
    ['Signed in as john.smith+shop@gmail.com', ['email:john.smith+shop@gmail.com']],
    [
      'Call us on 020 7946 0958 or +44 7700 900123',
      ['phone:020 7946 0958', 'phone:+44 7700 900123'],
    ],
    ['Questions? (212) 555-0142, Mon–Fri', ['phone:(212) 555-0142']],
    ['Toll free 1-800-555-0199', ['phone:1-800-555-0199']],
    ['Visa ending 4242 · 4242 4242 4242 4242', ['card:4242 4242 4242 4242']],
    ['Amex 3782-822463-10005 accepted', ['card:3782-822463-10005']],
    ['Your order #A12-3456 has shipped', ['order:#A12-3456']],
    ['Booking reference: XK7Q2M', ['order:XK7Q2M']],
    ['Confirmation code is 88213-B', ['order:88213-B']],
    ['Order number: 1000234567 (3 items)', ['order:1000234567']],
    ['Pay to GB33BUKB20201555555555', ['iban:GB33BUKB20201555555555']],
    // Negatives: prices, dates, times, quantities, SKUs, a card failing Luhn, a bad IBAN.
    ['Total $1,299.00 · was $1,499.00', []],
    ['Delivered 2026-11-30 at 14:30, 30.11.2026', []],
    ['Qty 2 × 12 345 678 views', []],
    ['SKU ABC-1234, model X200-5', []],
    ['Card 4242 4242 4242 4241 declined', []],
    ['IBAN GB34BUKB20201555555555', []],
    ['Order total 1250000', []],
    ['Order summary: 3 items, SKU 88213-B', []],
    ['ZIP 90210-1234, ref', []],
  ],
  tl: [
    ['Email: juan.delacruz@yahoo.com.ph', ['email:juan.delacruz@yahoo.com.ph']],
    ['Tawagan ang 0917 123 4567 o (02) 8123 4567', ['phone:0917 123 4567', 'phone:(02) 8123 4567']],
    ['Text kami sa +63 917 123 4567', ['phone:+63 917 123 4567']],
    ['Ang numero ng order mo ay 8841-2207', ['order:8841-2207']],
    ['Salamat! Booking ref: PH-20391', ['order:PH-20391']],
    ['Kabuuan: ₱1,299.00, 3 piraso', []],
    ['Darating sa 30/11/2026, 14:30', []],
    ['Order mo ay naipadala na', []],
  ],
  lv: [
    ['E-pasts: anna.berzina@inbox.lv', ['email:anna.berzina@inbox.lv']],
    ['Tālr. 29 123 456, mob. 2000 0000', ['phone:29 123 456', 'phone:2000 0000']],
    ['Zvaniet +371 67 123 456', ['phone:+371 67 123 456']],
    ['Pasūtījuma numurs: LV-204551', ['order:LV-204551']],
    ['Jūsu pasūtījums Nr. 88120 ir apstiprināts', ['order:88120']],
    ['Konts LV80BANK0000435195001', ['iban:LV80BANK0000435195001']],
    ['Konts LV80 BANK 0000 4351 9500 1, EUR', ['iban:LV80 BANK 0000 4351 9500 1']],
    ['Cena 1 299,00 € (bija 1 499,00 €)', []],
    ['Adrese: Brīvības iela 1, Rīga, LV-1050', []],
    ['Piegāde 30.11.2026 līdz 18:00', []],
    ['Konts LV81BANK0000435195001', []],
    ['Daudzums: 20 000 000', []],
    ['Sezona 2025-2026, https://veikals.lv/p/22345678?id=62345678', []],
  ],
  ms: [
    ['Emel: siti.aminah@gmail.com', ['email:siti.aminah@gmail.com']],
    ['Hubungi 012-345 6789 atau 03-2345 6789', ['phone:012-345 6789', 'phone:03-2345 6789']],
    ['WhatsApp +60 12-345 6789', ['phone:+60 12-345 6789']],
    ['Nombor pesanan anda ialah MY-99881', ['order:MY-99881']],
    ['Tempahan #TMP20391 disahkan', ['order:#TMP20391']],
    ['Jumlah RM 1,299.00 (2 unit)', []],
    ['Poskod 50450 Kuala Lumpur', []],
    ['Tarikh: 30-11-2026', []],
  ],
  vi: [
    ['Email: nguyen.van.a@gmail.com', ['email:nguyen.van.a@gmail.com']],
    ['Hotline: 0912 345 678 · SĐT 028 3822 1234', ['phone:0912 345 678', 'phone:028 3822 1234']],
    ['Liên hệ +84 912 345 678', ['phone:+84 912 345 678']],
    ['Mã đơn hàng của bạn là: DH123456.', ['order:DH123456']],
    ['Đơn hàng #250112ABC đã được giao', ['order:#250112ABC']],
    ['Tổng cộng ₫1.250.000 (giảm 250.000đ)', []],
    ['Giá: 12.500.000 ₫', []],
    ['Giao ngày 30/11/2026 lúc 14:30', []],
  ],
  ru: [
    ['Почта: ivan.petrov@mail.ru', ['email:ivan.petrov@mail.ru']],
    [
      'Тел.: 8 (495) 123-45-67, моб. +7 916 123-45-67',
      ['phone:8 (495) 123-45-67', 'phone:+7 916 123-45-67'],
    ],
    ['Звоните 8 800 555 35 35', ['phone:8 800 555 35 35']],
    ['Номер заказа: 12345678', ['order:12345678']],
    ['Ваш заказ № 4512-887 оформлен', ['order:4512-887']],
    ['Бронирование RX7T21 подтверждено', ['order:RX7T21']],
    ['Итого 1 299,00 ₽, 12 500 руб.', []],
    ['Доставка 30.11.2026 к 18:00', []],
    ['Артикул 100500-XL', []],
    ['Заказ от 30.11.2026 доставлен', []],
  ],
};

describe('findSensitive', () => {
  describe.each(Object.entries(TABLE))('%s', (_language, rows) => {
    it.each(rows)('%s', (text, expected) => {
      expect(found(text)).toEqual(expected);
    });
  });

  it('finds a number split across an inline block break no more', () => {
    // Blocks are joined with U+2029 by the DOM walk: a number never spans two blocks.
    expect(found('Card 4242 4242\u20294242 4242')).toEqual([]);
    expect(found('Order\u2029A-20391')).toEqual(['order:A-20391']);
  });

  it('gives the more certain kind the text two kinds claim', () => {
    expect(found('Order 4242424242424242')).toEqual(['card:4242424242424242']);
    expect(found('Order 0912345678')).toEqual(['order:0912345678']);
  });

  it('narrows to the languages asked for', () => {
    expect(found('Pasūtījums 88120', ['en'])).toEqual([]);
    expect(found('Pasūtījums 88120', ['lv'])).toEqual(['order:88120']);
    expect(found('mob. 2000 0000', ['ru'])).toEqual([]);
  });
});

describe('luhnValid and ibanValid', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['378282246310005', true],
    ['12a4', false],
  ])('luhn %s → %s', (digits, ok) => expect(luhnValid(digits)).toBe(ok));

  it.each([
    ['LV80BANK0000435195001', true],
    ['LV80BANK000043519500', false], // Latvia's length is 21
    ['DE89370400440532013000', true],
    ['DE88370400440532013000', false],
    ['XX00', false],
  ])('iban %s → %s', (iban, ok) => expect(ibanValid(iban)).toBe(ok));
});
