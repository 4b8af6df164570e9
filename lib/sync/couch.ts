import type { SyncConfig } from './config';
import { serverOrigin } from './config';

/** A response of the server: its status and its JSON body (null when it had none). */
export interface CouchResponse {
  status: number;
  body: unknown;
}

/** Why a request did not get an answer the caller can use. */
export type CouchFailure =
  /** No answer at all (offline, refused, timed out) or a server error (5xx): try again later. */
  | 'offline'
  /** The name or password is wrong (401). */
  | 'unauthorized'
  /** The user may not read or write this database (403 on the database itself). */
  | 'forbidden'
  /** The database does not exist (404 on the database itself). */
  | 'no-database'
  /** Any other unexpected answer. */
  | 'server-error';

/** A failed request, with what the server said, for logs. */
export class CouchError extends Error {
  constructor(
    readonly failure: CouchFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'CouchError';
  }
}

/** The requests sync makes, relative to the team's database. */
export interface CouchClient {
  /**
   * Sends one request to `<url>/<db>/<path>` with the user's credentials and answers the
   * status and JSON body. Statuses a caller handles per document (200, 201, 202, 404 of a
   * document, 409) come back; an unreachable server throws `CouchError('offline')`.
   */
  request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts?: {
      query?: Record<string, string | number | boolean>;
      body?: unknown;
      signal?: AbortSignal;
    },
  ): Promise<CouchResponse>;
  /** The database's URL (no credentials in it). */
  readonly databaseUrl: string;
}

/** The `fetch` sync uses; the background passes the global one, tests may pass their own. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/**
 * A client of the one server the user configured. It is the extension's only network code
 * (tests/conventions.test.ts checks that nothing else calls `fetch`), and it refuses to build
 * a URL outside the configured origin, so credentials and records go nowhere else whatever
 * path a caller passes (docs/SYNC.md#network).
 */
export function couchClient(config: SyncConfig, fetchImpl: Fetch): CouchClient {
  const origin = serverOrigin(config);
  const databaseUrl = `${config.url}/${encodeURIComponent(config.db)}`;
  const auth = basicAuth(config.user, config.password);
  return {
    databaseUrl,
    async request(method, path, opts = {}) {
      const url = new URL(path ? `${databaseUrl}/${path}` : databaseUrl);
      const inside = url.href === databaseUrl || url.href.startsWith(`${databaseUrl}/`);
      if (url.origin !== origin || !inside) {
        throw new CouchError('server-error', `refused to leave ${databaseUrl}: ${url.href}`);
      }
      for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
      let res: Response;
      try {
        res = await fetchImpl(url.href, {
          method,
          headers: {
            Accept: 'application/json',
            Authorization: auth,
            ...(opts.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          credentials: 'omit',
          cache: 'no-store',
          signal: opts.signal,
        });
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        throw new CouchError('offline', e instanceof Error ? e.message : String(e));
      }
      const text = await res.text().catch(() => '');
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      const reason = `${res.status} ${text.slice(0, 200)}`;
      if (res.status === 401) throw new CouchError('unauthorized', reason);
      if (res.status >= 500) throw new CouchError('offline', reason);
      const dbLevel = !path || path.startsWith('_');
      if (res.status === 403 && dbLevel) throw new CouchError('forbidden', reason);
      if (res.status === 404 && dbLevel) throw new CouchError('no-database', reason);
      if (res.status >= 400 && res.status !== 404 && res.status !== 409 && res.status !== 403) {
        throw new CouchError('server-error', reason);
      }
      return { status: res.status, body };
    },
  };
}
