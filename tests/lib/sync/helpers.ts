// Profiles and a team database on a real CouchDB-protocol server, for the sync data tests.
import { AuditorDb } from '../../../lib/db';
import {
  couchClient,
  DESIGN_DOC_ID,
  syncTarget,
  type CouchClient,
  type SyncConfig,
} from '../../../lib/sync';
import { setupTeamDatabase } from '../../../lib/sync/setup';
import { syncRound } from '../../../lib/sync/run';
import { queueEverything } from '../../../lib/sync/queue-all';
import { ADMIN, type CouchServer } from '../../support/couch-server';

export const LEAD = { user: 'lea', password: 'lead-pw' };
export const SHOPPER = { user: 'Maria dela Cruz', password: 'shopper-pw' };
export const OTHER_SHOPPER = { user: 'bob', password: 'bob-pw' };

/** Creates the team's users once per server. */
export async function createTeam(server: CouchServer): Promise<void> {
  await server.createUser(LEAD.user, LEAD.password, ['lead']);
  await server.createUser(SHOPPER.user, SHOPPER.password, ['shopper']);
  await server.createUser(OTHER_SHOPPER.user, OTHER_SHOPPER.password, ['shopper']);
}

/** A fresh team database, set up as `npm run sync:setup` does. */
export async function teamDb(server: CouchServer): Promise<string> {
  const name = `team-${crypto.randomUUID().slice(0, 8)}`;
  await setupTeamDatabase(fetch, server.url, name, ADMIN);
  return name;
}

/** One browser profile: its database and its client of the team's server. */
export interface Profile {
  db: AuditorDb;
  client: CouchClient;
  target: string;
  round(): ReturnType<typeof syncRound>;
}

export async function profile(
  url: string,
  database: string,
  who: { user: string; password: string },
  now: () => Date = () => new Date(),
): Promise<Profile> {
  const config: SyncConfig = { url, db: database, ...who, enabled: true };
  const db = new AuditorDb(`sync-${crypto.randomUUID()}`);
  await db.open();
  const client = couchClient(config, (u, init) => fetch(u, init));
  const target = syncTarget(config);
  return { db, client, target, round: () => syncRound(db, client, target, now) };
}

/** Turns sync on for a profile that already holds data (everything is queued once). */
export const turnOn = (p: Profile) => queueEverything(p.db);

/** Reads a document straight from the server as an admin. */
export async function serverDoc(
  url: string,
  database: string,
  id: string,
  query = '',
): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/${database}/${encodeURIComponent(id)}${query}`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`,
    },
  });
  return (await res.json()) as Record<string, unknown>;
}

/** Writes documents straight to the server as an admin (`_bulk_docs` body). */
export async function adminBulk(url: string, database: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${url}/${database}/_bulk_docs`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** Runs `write` with the team database's design document lifted, then installs it again. */
export async function withoutValidation<T>(
  url: string,
  database: string,
  write: () => Promise<T>,
): Promise<T> {
  const design = await serverDoc(url, database, DESIGN_DOC_ID);
  await fetch(`${url}/${database}/${DESIGN_DOC_ID}?rev=${String(design._rev)}`, {
    method: 'DELETE',
    headers: {
      Authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`,
    },
  });
  const result = await write();
  await setupTeamDatabase(fetch, url, database, ADMIN);
  return result;
}
