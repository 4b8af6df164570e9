// @vitest-environment node
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_HOSTS, startFixtureServer } from './fixture-server';
import type { FixtureServer } from './fixture-server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Asks 127.0.0.1 directly with the given Host header: no DNS involved. */
function get(server: FixtureServer, host: string, target: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: target,
        method,
        headers: { Host: `${host}:${server.port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('fixture server on the real fixtures', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('builds *.localhost URLs on its own port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url('northwind', '/product.html')).toBe(
      `http://northwind.localhost:${server.port}/product.html`,
    );
    expect(server.url('chat')).toBe(`http://chat.localhost:${server.port}/`);
  });

  it('routes by the first label of the Host header', async () => {
    const nw = await get(server, 'northwind.localhost', '/');
    expect(nw.status).toBe(200);
    expect(nw.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(nw.headers['cache-control']).toBe('no-store');
    expect(nw.body).toContain('Northwind Running');

    const cs = await get(server, 'contoso.localhost', '/product.html');
    expect(cs.status).toBe(200);
    expect(cs.body).toContain('Contoso Sports');
    expect(cs.body).not.toContain('Northwind Running');

    const css = await get(server, 'contoso.localhost', '/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const js = await get(server, 'northwind.localhost', '/shop.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');

    expect((await get(server, 'chat.localhost', '/widget.html?brand=northwind')).status).toBe(200);
    expect((await get(server, 'mail.localhost', '/')).body).toContain('id="inbox"');
  });

  it('serves an index of the shops on 127.0.0.1 and localhost', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const index = await get(server, host, '/');
      expect(index.status).toBe(200);
      expect(index.body).toContain(`http://northwind.localhost:${server.port}/`);
      expect(index.body).toContain(`http://contoso.localhost:${server.port}/`);
    }
  });

  it('answers 404 for unknown hosts and files', async () => {
    expect((await get(server, 'nowhere.localhost', '/')).status).toBe(404);
    expect((await get(server, 'northwind.localhost', '/no-such-page.html')).status).toBe(404);
    expect((await get(server, 'example.com', '/')).status).toBe(404);
    expect((await get(server, '127.0.0.1', '/product.html')).status).toBe(404);
  });

  it('refuses path traversal with 403', async () => {
    for (const target of [
      '/../../support/fixture-server.ts',
      '/%2e%2e/%2e%2e/support/fixture-server.ts',
      '/..%2f..%2fsupport%2ffixture-server.ts',
      '/..%5c..%5csupport%5cfixture-server.ts',
      '/../contoso/index.html',
    ]) {
      const reply = await get(server, 'northwind.localhost', target);
      expect(reply.status, target).toBe(403);
      expect(reply.body).not.toContain('startFixtureServer');
    }
  });

  it('has a folder for every shop, chat and mail host', async () => {
    for (const h of Object.values(FIXTURE_HOSTS)) {
      if (h.kind === 'hostile') continue;
      for (const page of h.pages) {
        expect((await get(server, h.hostname, page)).status, `${h.hostname}${page}`).toBe(200);
      }
    }
  });

  it('delays a response with ?delay=ms', async () => {
    const started = Date.now();
    const reply = await get(server, 'northwind.localhost', '/cart.html?delay=300');
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('logs the requests it answered', async () => {
    server.requests.length = 0;
    await get(server, 'contoso.localhost', '/confirmation.html?order=1');
    expect(server.requests).toEqual([
      { method: 'GET', host: 'contoso.localhost', url: '/confirmation.html?order=1', status: 200 },
    ]);
  });
});

describe('fixture server on a scratch root', () => {
  let root: string;
  let server: FixtureServer;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'fixture-server-'));
    const site = path.join(root, 'sites', 'demo');
    mkdirSync(path.join(site, 'sub'), { recursive: true });
    writeFileSync(path.join(site, 'index.html'), '<p>home</p>');
    writeFileSync(path.join(site, 'page.html'), '<p>page</p>');
    writeFileSync(path.join(site, 'sub', 'index.html'), '<p>sub</p>');
    writeFileSync(path.join(site, 'data.json'), '{}');
    writeFileSync(path.join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(
      path.join(site, '_headers.json'),
      JSON.stringify({
        '*': { 'X-Everywhere': 'yes' },
        '/page.html': { 'Content-Security-Policy': "default-src 'self'", 'X-Everywhere': 'page' },
        '/': { 'X-Home': '1' },
      }),
    );
    server = await startFixtureServer({ root });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('adds the headers _headers.json names for a path', async () => {
    const page = await get(server, 'demo.localhost', '/page.html');
    expect(page.headers['content-security-policy']).toBe("default-src 'self'");
    expect(page.headers['x-everywhere']).toBe('page');

    const home = await get(server, 'demo.localhost', '/');
    expect(home.headers['content-security-policy']).toBeUndefined();
    expect(home.headers['x-everywhere']).toBe('yes');
    expect(home.headers['x-home']).toBe('1');
  });

  it('does not serve _headers.json itself', async () => {
    expect((await get(server, 'demo.localhost', '/_headers.json')).status).toBe(404);
  });

  it('serves directory indexes and redirects to the trailing slash', async () => {
    const redirect = await get(server, 'demo.localhost', '/sub?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/sub/?x=1');
    expect((await get(server, 'demo.localhost', '/sub/')).body).toBe('<p>sub</p>');
  });

  it('sends content types and answers HEAD and POST', async () => {
    expect((await get(server, 'demo.localhost', '/data.json')).headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect((await get(server, 'demo.localhost', '/logo.svg')).headers['content-type']).toBe(
      'image/svg+xml',
    );
    const head = await get(server, 'demo.localhost', '/page.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get(server, 'demo.localhost', '/page.html', 'POST')).body).toBe('<p>page</p>');
    expect((await get(server, 'demo.localhost', '/page.html', 'DELETE')).status).toBe(405);
  });

  it('answers 404 on hostile.localhost while there is no hostile folder', async () => {
    expect((await get(server, 'hostile.localhost', '/')).status).toBe(404);
    mkdirSync(path.join(root, 'hostile'));
    writeFileSync(path.join(root, 'hostile', 'index.html'), '<p>hostile</p>');
    expect((await get(server, 'hostile.localhost', '/')).body).toBe('<p>hostile</p>');
  });
});
