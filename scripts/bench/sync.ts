/**
 * `npm run bench -- --only=sync`: team sync of N touchpoints (`TPA_SYNC_N`, 10,000), each with
 * a screenshot, from one profile to an empty one through a CouchDB-protocol server
 * (pouchdb-server, in memory, on loopback), against a plain `_bulk_docs` upload of the same
 * documents. Each figure is printed with its cost per record, its ratio to the plain upload
 * (target ≤ 1.5×) and the machine's load. In Node on fake-indexeddb (`TPA_SYNC_NODE=0` skips):
 * the push alone, the pull alone, and a live run; in two Chromium profiles with the built
 * extension (`TPA_SYNC_BROWSER=0` skips): the sender's push alone, and end to end with the
 * receiver's background loop pulling while the sender pushes.
 */
import { loadavg } from 'node:os';
import { ADMIN, startCouchServer } from '../../tests/support/couch-server';
import { benchSyncBrowser } from './sync-browser';
import { benchImage } from './sync-image';
import { benchRecords } from './sync-records';

/** The team lead the benches sync as (a lead writes everything). */
const LEAD = { user: 'lea', password: 'pw' };
const per = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(0)} µs/record`;
/** The machine's 1-minute load average: figures are comparable only under like loads. */
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

export async function benchSync(n: number): Promise<void> {
  // An in-memory IndexedDB for Node, installed before Dexie is loaded (it looks for it then).
  const fake = await import('fake-indexeddb');
  Object.assign(globalThis, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
  const { AuditorDb, putTouchpoints } = await import('../../lib/db');
  const { couchClient, syncTarget, toDoc } = await import('../../lib/sync');
  const { setupTeamDatabase } = await import('../../lib/sync/setup');
  const { enterTarget } = await import('../../lib/sync/queue-all');
  const { pushOutbox, PUSH_BATCH, PUSH_BATCH_BYTES } = await import('../../lib/sync/push');
  const { pullChanges, PULL_BATCH } = await import('../../lib/sync/pull');
  const { base64ToBytes } = await import('../../lib/backup/base64');
  const { makeDefaultRubric } = await import('../../lib/rubric/default-rubric');

  const server = await startCouchServer();
  await server.createUser(LEAD.user, LEAD.password, ['lead']);
  const who = { ...LEAD, enabled: true, url: server.url };
  try {
    const rubric = makeDefaultRubric(new Date().toISOString());
    const image = benchImage();
    const bytes = base64ToBytes(image.base64);
    const records = benchRecords(n, {
      at: new Date().toISOString(),
      shopper: 'Ana',
      rubric,
      sha256: image.sha256,
      mime: image.mime,
    });
    const source = new AuditorDb('bench-sync-source');
    await source.open();
    await source.rubrics.put(rubric);
    await source.brands.put(records.brand);
    await source.studies.put(records.study);
    await source.audits.put(records.audit);
    await putTouchpoints(source, records.touchpoints);
    await source.evidence.bulkPut(
      records.evidence.map((e) => ({ ...e, blob: new Blob([bytes], { type: e.mime }) })),
    );

    // Plain upload of the same documents: built once, then _bulk_docs in the push's request
    // sizes (at most PUSH_BATCH documents and PUSH_BATCH_BYTES of screenshots a request, as
    // servers limit a request's body: Cloudant to 64 MB) into a fresh database, as many times
    // as asked (the machine's load drifts).
    const docs = [
      ...records.touchpoints.map((t) => toDoc(`touchpoint:${t.id}`, { ...t }, { owner: 'Ana' })),
      ...records.evidence.map((e) =>
        toDoc(
          `evidence:${e.id}`,
          { ...e },
          { owner: 'Ana', image: { mime: e.mime, base64: image.base64 } },
        ),
      ),
    ];
    const requests: (typeof docs)[] = [];
    let bytesInLast = 0;
    for (const doc of docs) {
      const size = doc._attachments ? image.bytes : 0;
      const last = requests[requests.length - 1];
      if (last && last.length < PUSH_BATCH && bytesInLast + size <= PUSH_BATCH_BYTES) {
        last.push(doc);
        bytesInLast += size;
      } else {
        requests.push([doc]);
        bytesInLast = size;
      }
    }
    let plainRuns = 0;
    const plainUpload = async () => {
      const db = `plain-${(plainRuns += 1)}`;
      await setupTeamDatabase(fetch, server.url, db, ADMIN);
      const plain = couchClient({ ...who, db }, (u, init) => fetch(u, init));
      const t0 = performance.now();
      for (const batch of requests)
        await plain.request('POST', '_bulk_docs', { body: { docs: batch } });
      return { ms: performance.now() - t0, client: plain };
    };
    const records2 = 2 * n;
    const against = (ms: number, plainMs: number) => {
      const ratio = ms / plainMs;
      return `${ratio.toFixed(2)}× the plain upload — target ≤ 1.5×: ${ratio <= 1.5 ? 'within' : 'OVER'}`;
    };
    const figure = (what: string, ms: number, rest = '') =>
      console.log(
        `${what.padEnd(58)} ${`${(ms / 1000).toFixed(1)} s`.padStart(7)} (${per(ms, records2)})${rest ? ` — ${rest}` : ''}, ${load()}`,
      );
    console.log(
      `\n## Team sync, ${n.toLocaleString('en')} touchpoints + ${n.toLocaleString('en')} screenshots of ${image.bytes.toLocaleString('en')} bytes (${records2.toLocaleString('en')} documents in ${requests.length} requests, pouchdb-server in memory; TPA_SYNC_IMAGE_KB sets the screenshots' size)`,
    );
    const first = await plainUpload();
    figure('plain _bulk_docs upload of the same documents', first.ms);

    if (process.env.TPA_SYNC_NODE !== '0') {
      let t = performance.now();
      let since = '0';
      for (;;) {
        const res = await first.client.request('GET', '_changes', {
          query: { since, limit: PULL_BATCH, include_docs: true, attachments: true },
        });
        const body = res.body as { results: unknown[]; last_seq: string | number };
        since = String(body.last_seq);
        if (body.results.length < PULL_BATCH) break;
      }
      figure('plain _changes download (docs + images)', performance.now() - t);

      // Sync, one step after the other: push everything from the source, pull it into an
      // empty profile.
      await setupTeamDatabase(fetch, server.url, 'team', ADMIN);
      const config = { ...who, db: 'team' };
      const client = couchClient(config, (u, init) => fetch(u, init));
      await enterTarget(source, syncTarget(config));
      console.log('### Node, fake-indexeddb (one process plays both profiles)');
      t = performance.now();
      const pushed = await pushOutbox(source, client, () => new Date());
      const pushMs = performance.now() - t;
      figure(`sync push alone (${pushed.pushed} accepted)`, pushMs, against(pushMs, first.ms));
      const target = new AuditorDb('bench-sync-target');
      await target.open();
      t = performance.now();
      const pulled = await pullChanges(target, client, syncTarget(config), () => new Date());
      const landed = (await target.touchpoints.count()) + (await target.evidence.count());
      figure(
        `sync pull alone into an empty profile (${pulled.applied} applied, ${landed} stored)`,
        performance.now() - t,
      );

      // Sync as a team runs it: the receiver pulls while the sender pushes (one Node process
      // does both here, so they share one core's worth of JavaScript).
      await setupTeamDatabase(fetch, server.url, 'live', ADMIN);
      const liveConfig = { ...who, db: 'live' };
      const liveClient = couchClient(liveConfig, (u, init) => fetch(u, init));
      await enterTarget(source, syncTarget(liveConfig));
      const receiver = new AuditorDb('bench-sync-live');
      await receiver.open();
      t = performance.now();
      let liveDone = false;
      const pushing = pushOutbox(source, liveClient, () => new Date()).then(() => {
        liveDone = true;
        return performance.now() - t;
      });
      for (;;) {
        const finalRound = liveDone;
        await pullChanges(receiver, liveClient, syncTarget(liveConfig), () => new Date());
        if (finalRound) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const livePushMs = await pushing;
      const liveMs = performance.now() - t;
      const liveLanded = (await receiver.touchpoints.count()) + (await receiver.evidence.count());
      figure(
        `live, receiver pulling while the sender pushes (push done at ${(livePushMs / 1000).toFixed(1)} s, ${liveLanded} stored)`,
        liveMs,
        against(liveMs, first.ms),
      );
    }
    if (process.env.TPA_SYNC_BROWSER === '0') return;

    console.log('### Two Chromium profiles with the built extension (background loops, live feed)');
    // Measured again: the browser figures are compared with a plain upload of about their time.
    const again = await plainUpload();
    figure('plain _bulk_docs upload, again', again.ms);
    await setupTeamDatabase(fetch, server.url, 'browser-alone', ADMIN);
    const alone = await benchSyncBrowser(n, server, 'browser-alone', LEAD, image, true);
    figure(
      "sender's push alone, switch to outbox empty (no receiver)",
      alone.pushedMs,
      against(alone.pushedMs, again.ms),
    );
    if (process.env.TPA_SYNC_ALONE) return;
    await setupTeamDatabase(fetch, server.url, 'browser', ADMIN);
    const both = await benchSyncBrowser(n, server, 'browser', LEAD, image);
    figure(
      'end to end: switch to receiver holding everything',
      both.receivedMs,
      `${against(both.receivedMs, again.ms)}; sender done at ${(both.pushedMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await server.stop();
  }
}
