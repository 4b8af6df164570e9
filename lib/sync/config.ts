import { problem, type Problem, type Result } from '../result';

/** What the user sets in the options' sync section; kept in `browser.storage.local` only. */
export interface SyncConfig {
  /** The server's base URL, e.g. `https://couch.example.com` (no database in it). */
  url: string;
  /** The team's database on that server. */
  db: string;
  /** The user's name on the server: a shopper's is the `shopper` name on their audits. */
  user: string;
  password: string;
  /** Off by default: nothing leaves the browser until the user turns it on. */
  enabled: boolean;
}

/** The key of the sync settings in `browser.storage.local` (never in the database or backups). */
export const SYNC_STORAGE_KEY = 'sync';

/** Sync settings before the user has entered any. */
export const EMPTY_SYNC_CONFIG: SyncConfig = {
  url: '',
  db: '',
  user: '',
  password: '',
  enabled: false,
};

// CouchDB's rule for database names (docs.couchdb.org, "PUT /{db}").
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/**
 * Checks sync settings the user typed: an http(s) URL without credentials, query or
 * fragment; a CouchDB database name; a user name. Every problem at once, each at its field.
 */
export function checkSyncConfig(c: SyncConfig): Result<SyncConfig, Problem[]> {
  const problems: Problem[] = [];
  const url = c.url.trim().replace(/\/+$/, '');
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    parsed.username ||
    parsed.password ||
    parsed.search ||
    parsed.hash
  ) {
    problems.push(problem('sync.bad-url', undefined, 'url'));
  }
  const db = c.db.trim();
  if (!DB_NAME.test(db) || db.length > 238) problems.push(problem('sync.bad-db', undefined, 'db'));
  const user = c.user.trim();
  if (!user) problems.push(problem('sync.user-required', undefined, 'user'));
  if (problems.length > 0) return { ok: false, error: problems };
  return { ok: true, value: { ...c, url, db, user } };
}

/** The origin of the configured server: the one place sync may connect to. */
export function serverOrigin(c: Pick<SyncConfig, 'url'>): string {
  return new URL(c.url).origin;
}

/** The pattern the host permission is asked for: the server's origin, every path. */
export function originPattern(c: Pick<SyncConfig, 'url'>): string {
  return `${serverOrigin(c)}/*`;
}

/** Which server and database a checkpoint belongs to: another target starts over. */
export function syncTarget(c: Pick<SyncConfig, 'url' | 'db' | 'user'>): string {
  return `${c.url}/${c.db}#${c.user}`;
}
