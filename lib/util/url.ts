/**
 * Host names of URLs, in the two flavours the callers need. Both give the host name only
 * (lower case, punycode, no port, no credentials) and '' for text that is not a URL.
 *
 * - `hostOf`: any URL with a host (`https:`, `http:`, `ftp:`, `chrome-extension:`…). The
 *   tagger and the background use it on the URL of the page or frame a content script runs in.
 * - `webHostOf`: only `http:` and `https:` pages. The popup uses it on whatever tab it was
 *   opened over, where a `chrome://extensions` or `chrome-extension://…` tab must count as a
 *   page without a host (nothing to tag, no brand to match or claim).
 *
 * No caller needs the port: brands match by domain, and the demo shops differ by host name.
 */

/** The host name of a URL, or '' when it is not a URL or has no host. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The host name of an `http:` or `https:` URL; '' for any other scheme or text. */
export function webHostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : '';
  } catch {
    return '';
  }
}

/** `shop.example/shoes/tempo`: a page's host and path, to name it in a list ('' if not a URL). */
export function hostAndPath(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.hostname + (parsed.pathname === '/' ? '' : parsed.pathname);
  } catch {
    return '';
  }
}
