/**
 * `npm run bench -- --only=sync`: team sync of N touchpoints, each with a screenshot, from one
 * profile to an empty one through a CouchDB-protocol server (pouchdb-server, in memory, on
 * loopback), against a plain `_bulk_docs` upload of the same documents and a plain `_changes`
 * download of them. Runs in Node on fake-indexeddb (slower than a browser's IndexedDB, so the
 * sync side's figures are pessimistic).
 */
import { createHash } from 'node:crypto';
import { ADMIN, startCouchServer } from '../../tests/support/couch-server';
import { PNG_3X2 } from '../../tests/fixtures/images';
import { benchSyncBrowser } from './sync-browser';

const per = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(0)} µs/record`;

export async function benchSync(n: number): Promise<void> {
  // An in-memory IndexedDB for Node, installed before Dexie is loaded (it looks for it then).
  const fake = await import('fake-indexeddb');
  Object.assign(globalThis, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
  const { AuditorDb, putTouchpoints } = await import('../../lib/db');
  const { couchClient, syncTarget, toDoc } = await import('../../lib/sync');
  const { setupTeamDatabase } = await import('../../lib/sync/setup');
  const { enterTarget } = await import('../../lib/sync/queue-all');
  const { pushOutbox, PUSH_BATCH } = await import('../../lib/sync/push');
  const { pullChanges, PULL_BATCH } = await import('../../lib/sync/pull');
  const { base64ToBytes } = await import('../../lib/backup/base64');
  const { makeDefaultRubric } = await import('../../lib/rubric/default-rubric');

  const server = await startCouchServer();
  await server.createUser('lea', 'pw', ['lead']);
  const who = { user: 'lea', password: 'pw', enabled: true, url: server.url };
  try {
    const at = new Date().toISOString();
    const source = new AuditorDb('bench-sync-source');
    await source.open();
    const rubric = makeDefaultRubric(at);
    await source.rubrics.put(rubric);
    await source.brands.put({
      id: 'b1',
      name: 'Own',
      role: 'own',
      domains: ['a.example'],
      createdAt: at,
      updatedAt: at,
    });
    await source.studies.put({
      id: 's1',
      name: 'Bench',
      wave: 'W1',
      waves: ['W1'],
      requireReview: false,
      rubricId: rubric.id,
      rubricVersion: rubric.version,
      brandIds: ['b1'],
      createdAt: at,
      updatedAt: at,
    });
    await source.audits.put({
      id: 'a1',
      studyId: 's1',
      brandId: 'b1',
      shopper: 'Ana',
      scenario: 'bench',
      startedAt: at,
      endedAt: null,
      wave: 'W1',
      purpose: 'audit',
      review: 'in_progress',
      createdAt: at,
      updatedAt: at,
    });
    const ids = Array.from({ length: n }, () => crypto.randomUUID());
    await putTouchpoints(
      source,
      ids.map((id, i) => ({
        id,
        auditId: 'a1',
        category: 'cart',
        stage: 'purchase',
        channel: 'web',
        source: 'page',
        url: `https://a.example/p/${i}`,
        pageTitle: `Page ${i}`,
        anchor: {
          css: `#item-${i}`,
          text: `Item ${i}`,
          rect: { x: 1, y: 2, width: 30, height: 40 },
          framePath: [],
        },
        scores: { speed: 4, clarity: 3 },
        notes: `note ${i}`,
        createdAt: at,
        updatedAt: at,
      })),
    );
    const bytes = base64ToBytes(PNG_3X2);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await source.evidence.bulkPut(
      ids.map((touchpointId) => ({
        id: crypto.randomUUID(),
        touchpointId,
        blob: new Blob([bytes], { type: 'image/png' }),
        mime: 'image/png',
        width: 3,
        height: 2,
        sha256,
        capturedAt: at,
        url: null,
      })),
    );

    // Plain upload of the same documents: built, then _bulk_docs in the push's batch size.
    await setupTeamDatabase(fetch, server.url, 'plain', ADMIN);
    const plain = couchClient({ ...who, db: 'plain' }, (u, init) => fetch(u, init));
    const docs = [
      ...(await source.touchpoints.toArray()).map((t) =>
        toDoc(`touchpoint:${t.id}`, { ...t }, { owner: 'Ana' }),
      ),
      ...(await source.evidence.toArray()).map((e) =>
        toDoc(
          `evidence:${e.id}`,
          { ...e },
          { owner: 'Ana', image: { mime: e.mime, base64: PNG_3X2 } },
        ),
      ),
    ];
    let t = performance.now();
    for (let i = 0; i < docs.length; i += PUSH_BATCH) {
      await plain.request('POST', '_bulk_docs', { body: { docs: docs.slice(i, i + PUSH_BATCH) } });
    }
    const plainUpMs = performance.now() - t;
    t = performance.now();
    let since = '0';
    for (;;) {
      const res = await plain.request('GET', '_changes', {
        query: { since, limit: PULL_BATCH, include_docs: true, attachments: true, conflicts: true },
      });
      const body = res.body as { results: unknown[]; last_seq: string | number };
      since = String(body.last_seq);
      if (body.results.length < PULL_BATCH) break;
    }
    const plainDownMs = performance.now() - t;

    // Sync, one step after the other: push everything from the source, pull it into an empty
    // profile.
    await setupTeamDatabase(fetch, server.url, 'team', ADMIN);
    const config = { ...who, db: 'team' };
    const client = couchClient(config, (u, init) => fetch(u, init));
    await enterTarget(source, syncTarget(config));
    t = performance.now();
    const pushed = await pushOutbox(source, client, () => new Date());
    const pushMs = performance.now() - t;
    const target = new AuditorDb('bench-sync-target');
    await target.open();
    t = performance.now();
    const pulled = await pullChanges(target, client, syncTarget(config), () => new Date());
    const pullMs = performance.now() - t;
    const landed = (await target.touchpoints.count()) + (await target.evidence.count());

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

    const records = 2 * n;
    const target15 = (ms: number) =>
      `${(ms / plainUpMs).toFixed(2)}× the plain upload — target ≤ 1.5×: ${ms / plainUpMs <= 1.5 ? 'within' : 'OVER'}`;
    console.log(
      `\n## Team sync, ${n.toLocaleString('en')} touchpoints + ${n.toLocaleString('en')} screenshots (${records.toLocaleString('en')} documents, pouchdb-server in memory)`,
    );
    console.log(
      `plain _bulk_docs upload of the same documents: ${plainUpMs.toFixed(0)} ms (${per(plainUpMs, records)})`,
    );
    console.log(
      `plain _changes download (docs + images):       ${plainDownMs.toFixed(0)} ms (${per(plainDownMs, records)})`,
    );
    console.log('### Node, fake-indexeddb (one process plays both profiles)');
    console.log(
      `sync push alone (outbox → documents → _bulk_docs): ${pushMs.toFixed(0)} ms (${per(pushMs, records)}), ${pushed.pushed} accepted — ${(pushMs / plainUpMs).toFixed(2)}× the plain upload`,
    );
    console.log(
      `sync pull alone into an empty profile (checked, merged, totals kept): ${pullMs.toFixed(0)} ms (${per(pullMs, records)}), ${pulled.applied} applied, ${landed} stored — ${(pullMs / plainDownMs).toFixed(2)}× the plain download`,
    );
    console.log(
      `live, profile to profile (receiver pulls while the sender pushes): ${liveMs.toFixed(0)} ms (${per(liveMs, records)}), push done at ${livePushMs.toFixed(0)} ms, ${liveLanded} stored — ${target15(liveMs)}`,
    );
    if (process.env.TPA_SYNC_BROWSER === '0') return;
    console.log('### Two Chromium profiles with the built extension (background loops, live feed)');
    await setupTeamDatabase(fetch, server.url, 'browser', ADMIN);
    const browser = await benchSyncBrowser(n, server, 'browser', { user: 'lea', password: 'pw' });
    console.log(
      `sender's push done (outbox empty):             ${browser.pushedMs.toFixed(0)} ms (${per(browser.pushedMs, records)}) — ${(browser.pushedMs / plainUpMs).toFixed(2)}× the plain upload`,
    );
    console.log(
      `profile to profile (receiver holds everything): ${browser.receivedMs.toFixed(0)} ms (${per(browser.receivedMs, records)}) — ${target15(browser.receivedMs)}`,
    );
  } finally {
    await server.stop();
  }
}
