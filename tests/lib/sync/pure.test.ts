import { describe, expect, it } from 'vitest';
import {
  checkSyncConfig,
  compareVersions,
  couchClient,
  CouchError,
  fromDoc,
  pickWinner,
  sameVersion,
  tableOfDocId,
  toDoc,
  type SyncConfig,
} from '../../../lib/sync';

const config: SyncConfig = {
  url: 'https://couch.example.com',
  db: 'team',
  user: 'ann',
  password: 'pw',
  enabled: true,
};

describe('checkSyncConfig', () => {
  it.each([
    ['https://couch.example.com/', 'team', 'ann', []],
    ['http://127.0.0.1:5984', 'shop_team-2', 'ann', []],
    ['ftp://couch.example.com', 'team', 'ann', ['url']],
    ['https://ann:pw@couch.example.com', 'team', 'ann', ['url']],
    ['https://couch.example.com?x=1', 'team', 'ann', ['url']],
    ['not a url', 'Team', '', ['url', 'db', 'user']],
    ['https://couch.example.com', '_users', 'ann', ['db']],
  ])('%s / %s / %s → problems at %j', (url, db, user, paths) => {
    const r = checkSyncConfig({ ...config, url, db, user });
    expect(r.ok ? [] : r.error.map((p) => p.path)).toEqual(paths);
  });

  it('drops the trailing slash of the URL', () => {
    const r = checkSyncConfig({ ...config, url: 'https://couch.example.com/' });
    expect(r.ok && r.value.url).toBe('https://couch.example.com');
  });
});

describe('couchClient', () => {
  it('sends credentials only to the configured database, never elsewhere', async () => {
    const asked: string[] = [];
    const client = couchClient(config, async (url, init) => {
      asked.push(url);
      expect(new Headers(init.headers).get('authorization')).toBe(`Basic ${btoa('ann:pw')}`);
      return new Response('{}', { status: 200 });
    });
    await client.request('GET', '_changes', { query: { since: 0 } });
    await expect(client.request('GET', '../_users/org.couchdb.user:x')).rejects.toThrow(CouchError);
    await expect(client.request('GET', '../team-other/_all_docs')).rejects.toThrow(CouchError);
    expect(asked).toEqual(['https://couch.example.com/team/_changes?since=0']);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'no-database'],
    [503, 'offline'],
  ])('turns a %i on the database into %s', async (status, failure) => {
    const client = couchClient(config, async () => new Response('{}', { status }));
    await expect(client.request('GET', '_changes')).rejects.toMatchObject({ failure });
  });

  it('says offline when the server cannot be reached', async () => {
    const client = couchClient(config, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.request('GET', '')).rejects.toMatchObject({ failure: 'offline' });
  });
});

describe('documents', () => {
  it('maps a record to its document and back, sync fields left out', () => {
    const record = { id: 'e1', touchpointId: 't1', mime: 'image/png', blob: new Blob(['x']) };
    const doc = toDoc('evidence:e1', record, {
      rev: '1-a',
      owner: 'ann',
      image: { mime: 'image/png', base64: 'eA==' },
    });
    expect(doc).toEqual({
      _id: 'evidence:e1',
      _rev: '1-a',
      owner: 'ann',
      id: 'e1',
      touchpointId: 't1',
      mime: 'image/png',
      _attachments: { image: { content_type: 'image/png', data: 'eA==' } },
    });
    expect(fromDoc(doc)).toEqual({
      record: { id: 'e1', touchpointId: 't1', mime: 'image/png' },
      imageBase64: 'eA==',
    });
    expect(tableOfDocId('evidence:e1')).toBe('evidence');
    expect(tableOfDocId('rubric:default@1')).toBe('rubrics');
    expect(tableOfDocId('_design/x')).toBeUndefined();
  });

  const at = (t: string) => `2026-11-23T${t}:00.000Z`;
  it.each([
    [{ updatedAt: at('10:00') }, { updatedAt: at('09:00') }, 'a'],
    [{ updatedAt: at('09:00') }, { updatedAt: at('10:00') }, 'b'],
    [{ updatedAt: at('10:00'), deleted: true }, { updatedAt: at('10:00') }, 'a'],
    [{ updatedAt: at('10:00') }, { updatedAt: at('10:00'), deleted: true }, 'b'],
    [{ updatedAt: at('10:00'), _rev: '2-b' }, { updatedAt: at('10:00'), _rev: '2-a' }, 'a'],
    [{ updatedAt: at('09:00'), deleted: true }, { updatedAt: at('10:00') }, 'b'],
  ])('merge rule: %j against %j → %s wins', (a, b, winner) => {
    expect(compareVersions(a, b) > 0 ? 'a' : 'b').toBe(winner);
    expect(pickWinner([a, b])).toBe(winner === 'a' ? a : b);
    expect(pickWinner([b, a])).toBe(winner === 'a' ? a : b);
  });

  it('takes a record with a comment the server lacks as not yet sent', () => {
    const c = { id: 'c1', at: at('10:00'), by: 'Lea', text: 'why?' };
    expect(sameVersion({ updatedAt: at('10:00') }, { updatedAt: at('10:00') })).toBe(true);
    expect(sameVersion({ updatedAt: at('10:00'), comments: [c] }, { updatedAt: at('10:00') })).toBe(
      false,
    );
    expect(sameVersion({ updatedAt: at('10:00') }, { updatedAt: at('10:00'), deleted: true })).toBe(
      false,
    );
  });
});
