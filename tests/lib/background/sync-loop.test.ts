// @vitest-environment node
// The background's sync loop against a real CouchDB-protocol server: off means no request; on,
// a kick runs a round; a local write is pushed after a kick; the server away is said and
// retried; wrong credentials stop the loop until the settings change.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSyncLoop } from '../../../lib/background/sync-loop';
import { AuditorDb, getSetting, updateTouchpoint } from '../../../lib/db';
import type { SyncConfig } from '../../../lib/sync';
import { startCouchServer, startGate, type CouchServer } from '../../support/couch-server';
import { seed } from '../backup/db-fixtures';
import { createTeam, LEAD, serverDoc, teamDb } from '../sync/helpers';

let server: CouchServer;
const loops: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.stop();
});
beforeAll(async () => {
  server = await startCouchServer();
  await createTeam(server);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

async function loopFor(config: SyncConfig, granted = true) {
  const db = new AuditorDb(`loop-${crypto.randomUUID()}`);
  await db.open();
  await seed(db);
  const asked: string[] = [];
  const loop = createSyncLoop({
    db,
    now: () => new Date(),
    readConfig: async () => config,
    hasPermission: async () => granted,
    fetch: (url, init) => {
      asked.push(url);
      return fetch(url, init);
    },
  });
  loops.push(loop);
  return { db, loop, asked };
}

const waitFor = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the background sync loop', () => {
  it('makes no request while sync is off or the browser has not allowed the server', async () => {
    const name = await teamDb(server);
    const off = await loopFor({ url: server.url, db: name, ...LEAD, enabled: false });
    off.loop.kick();
    await off.loop.idle();
    expect(off.asked).toEqual([]);
    const denied = await loopFor({ url: server.url, db: name, ...LEAD, enabled: true }, false);
    denied.loop.kick();
    await denied.loop.idle();
    expect(denied.asked).toEqual([]);
    expect((await getSetting(denied.db, 'syncStatus'))?.state).toBe('no-permission');
  });

  it('pushes everything on the first round, then a local write after a kick', async () => {
    const name = await teamDb(server);
    const { db, loop, asked } = await loopFor({
      url: server.url,
      db: name,
      ...LEAD,
      enabled: true,
    });
    loop.kick();
    await waitFor(async () => (await getSetting(db, 'syncStatus'))?.state === 'ok');
    expect(await serverDoc(server.url, name, 'touchpoint:tp-1')).toMatchObject({ id: 'tp-1' });
    expect(asked.every((u) => u.startsWith(`${server.url}/${name}/`))).toBe(true);
    await updateTouchpoint(db, 'tp-1', { notes: 'from the loop' }, new Date());
    loop.kick();
    await waitFor(
      async () => (await serverDoc(server.url, name, 'touchpoint:tp-1')).notes === 'from the loop',
    );
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('says offline with the next try, and catches up once the server is back', async () => {
    const name = await teamDb(server);
    const gate = await startGate(server.url);
    gate.close();
    const { db, loop } = await loopFor({ url: gate.url, db: name, ...LEAD, enabled: true });
    loop.kick();
    await waitFor(async () => (await getSetting(db, 'syncStatus'))?.state === 'offline');
    const status = await getSetting(db, 'syncStatus');
    expect(Date.parse(status!.retryAt!)).toBeGreaterThan(Date.parse(status!.at));
    gate.open();
    loop.kick();
    await waitFor(async () => (await getSetting(db, 'syncStatus'))?.state === 'ok');
    expect(await db.syncOutbox.count()).toBe(0);
    await gate.stop();
  });

  it('stops on a wrong password until kicked again', async () => {
    const name = await teamDb(server);
    const { db, loop } = await loopFor({
      url: server.url,
      db: name,
      user: LEAD.user,
      password: 'no',
      enabled: true,
    });
    loop.kick();
    await loop.idle();
    expect((await getSetting(db, 'syncStatus'))?.state).toBe('unauthorized');
  });
});
