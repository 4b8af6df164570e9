// A tiny static server for the demo storefront and the hostile pages
// (docs/ARCHITECTURE.md#testing).
//
// Routing is by the Host header's first label, so every fixture site has its own origin:
//   <name>.localhost      -> tests/fixtures/sites/<name>/
//   hostile.localhost     -> tests/fixtures/hostile/ (404 while the folder does not exist)
//   thirdparty.localhost  -> tests/fixtures/hostile/ too: another site, for the frames they embed
//   127.0.0.1, localhost  -> a small index page linking the sites
// Chromium resolves *.localhost to the loopback address by itself: no DNS, no hosts file.
// Node 20 built-ins only, and only erasable TypeScript, so `node --experimental-strip-types`
// can import it too.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promises as fs } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FixtureServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Folder holding `sites/` and `hostile/`; tests/fixtures by default. */
  root?: string;
}

export interface FixtureRequest {
  method: string;
  /** The Host header's host name, without the port (`northwind.localhost`). */
  host: string;
  /** The request target as sent (`/checkout.html?step=payment`). */
  url: string;
  status: number;
}

export interface FixtureServer {
  port: number;
  /** `url('northwind', '/product.html')` -> `http://northwind.localhost:PORT/product.html`. */
  url(host: string, path?: string): string;
  /** Every request answered so far, oldest first (tests may empty it: `requests.length = 0`). */
  requests: FixtureRequest[];
  close(): Promise<void>;
}

export type FixtureHostKind = 'shop' | 'chat' | 'mail' | 'hostile';

export interface FixtureHost {
  /** The first label of the host name, and the argument of `FixtureServer.url()`. */
  name: string;
  hostname: string;
  title: string;
  kind: FixtureHostKind;
  /** Folder served, relative to tests/fixtures. */
  dir: string;
  /** Main pages, as paths. */
  pages: readonly string[];
}

const SHOP_PAGES = [
  '/',
  '/product.html',
  '/cart.html',
  '/checkout.html',
  '/confirmation.html',
  '/returns.html',
] as const;

/** The demo hosts. Northwind is the well-run shop, Contoso the worse one (see the README). */
export const FIXTURE_HOSTS = {
  northwind: {
    name: 'northwind',
    hostname: 'northwind.localhost',
    title: 'Northwind Running',
    kind: 'shop',
    dir: 'sites/northwind',
    pages: SHOP_PAGES,
  },
  contoso: {
    name: 'contoso',
    hostname: 'contoso.localhost',
    title: 'Contoso Sports',
    kind: 'shop',
    dir: 'sites/contoso',
    pages: SHOP_PAGES,
  },
  chat: {
    name: 'chat',
    hostname: 'chat.localhost',
    title: 'Live-chat widget (embedded by both shops)',
    kind: 'chat',
    dir: 'sites/chat',
    pages: ['/widget.html?brand=northwind', '/widget.html?brand=contoso'],
  },
  mail: {
    name: 'mail',
    hostname: 'mail.localhost',
    title: 'Webmail with both order-confirmation e-mails',
    kind: 'mail',
    dir: 'sites/mail',
    pages: ['/', '/?msg=northwind', '/?msg=contoso'],
  },
  hostile: {
    name: 'hostile',
    hostname: 'hostile.localhost',
    title: 'Hostile pages',
    kind: 'hostile',
    dir: 'hostile',
    pages: [],
  },
  thirdparty: {
    name: 'thirdparty',
    hostname: 'thirdparty.localhost',
    title: 'Hostile pages again, from another site (the frames they embed)',
    kind: 'hostile',
    dir: 'hostile',
    pages: [],
  },
} as const satisfies Record<string, FixtureHost>;

export const DEFAULT_FIXTURES_ROOT = fileURLToPath(new URL('../fixtures/', import.meta.url));

const MAX_DELAY_MS = 5000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const HEADERS_FILE = '_headers.json';

export async function startFixtureServer(opts: FixtureServerOptions = {}): Promise<FixtureServer> {
  const root = path.resolve(opts.root ?? DEFAULT_FIXTURES_ROOT);
  const listenHost = opts.host ?? '127.0.0.1';
  const requests: FixtureRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let port = 0;

  const server = createServer((req, res) => {
    const host = hostnameOf(req.headers.host);
    res.on('finish', () => {
      requests.push({
        method: req.method ?? 'GET',
        host,
        url: req.url ?? '/',
        status: res.statusCode,
      });
    });
    const delay = delayOf(req.url ?? '/');
    const run = (): void => {
      handle(req, res, host, root, port).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error));
        else res.destroy();
      });
    };
    if (delay > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, delay);
      timers.add(timer);
    } else {
      run();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server: no port');
  port = address.port;

  return {
    port,
    requests,
    url(name: string, pagePath = '/'): string {
      const hostname = name.includes('.') || name === 'localhost' ? name : `${name}.localhost`;
      const p = pagePath.startsWith('/') ? pagePath : `/${pagePath}`;
      return `http://${hostname}:${port}${p}`;
    },
    close(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function hostnameOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  const h = hostHeader.trim().toLowerCase();
  const withoutPort = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return withoutPort.replace(/\.$/, '');
}

function delayOf(rawUrl: string): number {
  const q = rawUrl.indexOf('?');
  if (q === -1) return 0;
  const value = Number(new URLSearchParams(rawUrl.slice(q + 1)).get('delay'));
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(Math.round(value), MAX_DELAY_MS);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  hostname: string,
  root: string,
  port: number,
): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    res.setHeader('Allow', 'GET, HEAD, POST');
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  }
  // A form posted to a static page (a no-JS "Place order") gets the page: drain the body.
  if (method === 'POST') req.resume();
  const head = method === 'HEAD';

  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const search = q === -1 ? '' : rawUrl.slice(q);

  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad request', head);
  }
  if (!pathname.startsWith('/') || pathname.includes('\0')) {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad request', head);
  }
  // Checked on the raw target: node:http does not normalise `..` away, and neither do we.
  if (pathname.split(/[\\/]/).includes('..')) {
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden', head);
  }

  if (
    hostname === '' ||
    hostname === '127.0.0.1' ||
    hostname === 'localhost' ||
    hostname === '[::1]'
  ) {
    if (pathname === '/' || pathname === '/index.html') {
      return send(res, 200, CONTENT_TYPES['.html']!, indexPage(port), head);
    }
    return notFound(res, head);
  }

  const siteDir = await siteDirFor(hostname, root);
  if (siteDir === null) return notFound(res, head);

  let filePath = path.resolve(siteDir, `.${pathname}`);
  if (!isInside(siteDir, filePath))
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden', head);
  const relative = path.relative(siteDir, filePath);
  if (relative.split(path.sep).some((seg) => seg.startsWith('.') || seg === HEADERS_FILE)) {
    return notFound(res, head);
  }

  let stat = await statOrNull(filePath);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      res.setHeader('Location', `${rawPath}/${search}`);
      return send(res, 301, 'text/plain; charset=utf-8', 'Moved', head);
    }
    filePath = path.join(filePath, 'index.html');
    stat = await statOrNull(filePath);
  }
  if (!stat?.isFile()) return notFound(res, head);

  // Symbolic links must not lead out of the site either.
  const [realDir, realFile] = await Promise.all([fs.realpath(siteDir), fs.realpath(filePath)]);
  if (!isInside(realDir, realFile))
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden', head);

  const servedPath = `/${path.relative(siteDir, filePath).split(path.sep).join('/')}`;
  const extra = await extraHeaders(siteDir, [pathname, servedPath]);
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);

  const type = CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  const body = await fs.readFile(filePath);
  send(res, 200, type, body, head);
}

async function siteDirFor(hostname: string, root: string): Promise<string | null> {
  if (!hostname.endsWith('.localhost')) return null;
  const label = hostname.split('.')[0] ?? '';
  if (!/^[a-z0-9][a-z0-9-]*$/.test(label)) return null;
  const hostile = Object.values(FIXTURE_HOSTS).find(
    (h) => h.kind === 'hostile' && h.name === label,
  );
  const dir = hostile ? path.join(root, hostile.dir) : path.join(root, 'sites', label);
  const stat = await statOrNull(dir);
  return stat?.isDirectory() ? dir : null;
}

/**
 * `_headers.json` at a site folder's root: `{ "/page.html": { "Header-Name": "value" } }`.
 * The key `*` applies to every file of the folder; a page's own entry overrides it. A directory
 * index matches both its directory path (`/`) and its file path (`/index.html`).
 */
async function extraHeaders(siteDir: string, paths: string[]): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await fs.readFile(path.join(siteDir, HEADERS_FILE), 'utf8');
  } catch {
    return {};
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${HEADERS_FILE} in ${siteDir}: expected an object of path -> headers`);
  }
  const table = parsed as Record<string, unknown>;
  const result: Record<string, string> = {};
  for (const key of ['*', ...new Set(paths)]) {
    const entry = table[key];
    if (entry === undefined) continue;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new Error(`${HEADERS_FILE} in ${siteDir}: "${key}" must map header names to strings`);
    }
    for (const [name, value] of Object.entries(entry)) {
      if (typeof value !== 'string') {
        throw new Error(`${HEADERS_FILE} in ${siteDir}: "${key}" -> "${name}" must be a string`);
      }
      result[name] = value;
    }
  }
  return result;
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse, head: boolean): void {
  send(
    res,
    404,
    'text/html; charset=utf-8',
    '<!doctype html><title>Not found</title><h1>Not found</h1>',
    head,
  );
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  head = false,
): void {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', buffer.length);
  res.end(head ? undefined : buffer);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function indexPage(port: number): string {
  const items = Object.values(FIXTURE_HOSTS)
    .map((h) => {
      const href = `http://${h.hostname}:${port}/`;
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(h.hostname)}</a> — ${escapeHtml(h.title)}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Touchpoint Auditor fixtures</title>
<link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style>
</head>
<body>
<h1>Touchpoint Auditor fixtures</h1>
<ul>
${items}
</ul>
</body>
</html>
`;
}
