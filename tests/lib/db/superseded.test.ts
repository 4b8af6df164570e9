// @vitest-environment node
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditorDb, createStudy } from '../../../lib/db';
import { describeProblem } from '../../../lib/i18n';
import { caught } from '../../../lib/result';

const names: string[] = [];
function open(): AuditorDb {
  const name = `superseded-${crypto.randomUUID()}`;
  names.push(name);
  return new AuditorDb(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Opens `name` one version up with raw IndexedDB, as a newer build would; says if it waited. */
function openNewer(name: string, version: number) {
  return new Promise<{ version: number; blocked: boolean }>((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.open(name, version);
    request.onblocked = () => (blocked = true);
    request.onupgradeneeded = () => request.result.createObjectStore('addedLater');
    request.onsuccess = () => {
      request.result.close();
      resolve({ version: request.result.version, blocked });
    };
    request.onerror = () => reject(request.error);
  });
}

describe('a newer version of the database opened elsewhere (docs/RECOVERY.md)', () => {
  it('closes this connection at once, so the upgrade is not blocked, and says so', async () => {
    const db = open();
    const now = new Date('2026-11-23T08:00:00.000Z');
    await createStudy(
      db,
      { name: 'S', wave: 'W1', rubricId: 'default', rubricVersion: 1, brandIds: ['b'] },
      now,
    );
    let told = 0;
    db.onSuperseded(() => told++);
    expect(db.superseded).toBe(false);

    const native = db.verno * 10;
    expect(await openNewer(db.name, native + 10)).toEqual({ version: native + 10, blocked: false });
    expect(db.superseded).toBe(true);
    expect(told).toBe(1);

    // This older code never reopens the newer database: what it tries is refused, in words.
    const refused = await db.studies.toArray().catch((error: unknown) => error);
    expect(caught(refused)).toEqual({ code: 'app-updated' });
    expect(describeProblem(caught(refused))).toBe(
      'Touchpoint Auditor was updated. Reload this page to go on; nothing you saved is lost.',
    );

    // A page loaded afterwards opens it again, with everything in it.
    const reloaded = new AuditorDb(db.name);
    expect((await reloaded.studies.toArray()).map((s) => s.name)).toEqual(['S']);
    reloaded.close();
  });

  it('keeps Dexie’s own way for a deletion: no "updated" notice', async () => {
    const db = open();
    await db.settings.put({ key: 'k', value: 1 });
    await Dexie.delete(db.name);
    expect(db.superseded).toBe(false);
    db.close();
  });
});
