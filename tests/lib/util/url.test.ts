import { describe, expect, it } from 'vitest';
import { hostAndPath, hostOf, webHostOf } from '@/lib/util/url';

describe('hostOf and webHostOf', () => {
  it.each([
    // url, hostOf, webHostOf
    ['https://www.Northwind.com/shoes?size=42', 'www.northwind.com', 'www.northwind.com'],
    ['http://northwind.localhost:5173/cart', 'northwind.localhost', 'northwind.localhost'],
    ['https://user:secret@shop.example/', 'shop.example', 'shop.example'],
    ['https://bücher.example/', 'xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['chrome://extensions/', 'extensions', ''],
    ['chrome-extension://abcdefghijklmnop/popup.html', 'abcdefghijklmnop', ''],
    ['ftp://files.example/a.txt', 'files.example', ''],
    ['file:///home/shopper/page.html', '', ''],
    ['about:blank', '', ''],
    ['', '', ''],
    ['not a url', '', ''],
  ])('%s', (url, host, webHost) => {
    expect(hostOf(url)).toBe(host);
    expect(webHostOf(url)).toBe(webHost);
  });
});

describe('hostAndPath', () => {
  it.each([
    ['https://shop.example/shoes/tempo?size=42#top', 'shop.example/shoes/tempo'],
    ['http://hostile.localhost:5173/', 'hostile.localhost'],
    ['not a url', ''],
  ])('%s', (url, shown) => {
    expect(hostAndPath(url)).toBe(shown);
  });
});
