import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planMerge,
  toBackup,
  type BackupTables,
  type ExistingRecord,
  type ExistingTables,
  type MergeSummary,
  type Table,
} from '../../../lib/backup';
import { emptyTables } from '../../../lib/backup/types';
import type { Brand, Rubric } from '../../../lib/model';
import { evidence, NOW, sampleData } from './fixtures';

const TABLES: Table[] = [
  'studies',
  'brands',
  'rubrics',
  'categories',
  'audits',
  'touchpoints',
  'evidence',
];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString();
const empty = emptyTables;

/** A brand whose content follows from (id, time, tombstone), as the same version of a record does. */
const brand = (id: string, minute: number, deleted = false): Brand => ({
  id,
  name: `${id} @ ${minute}`,
  role: 'competitor',
  domains: [],
  createdAt: at(0),
  updatedAt: at(minute),
  ...(deleted ? { deleted } : {}),
});
const rubric = (id: string, version: number, minute: number): Rubric => ({
  id,
  version,
  name: `${id} v${version} @ ${minute}`,
  scale: { min: 1, max: 5 },
  criteria: [],
  createdAt: at(0),
  updatedAt: at(minute),
});

const keyOf = (table: Table, r: ExistingRecord) =>
  table === 'rubrics' ? `${r.id}@${r.version}` : r.id;

/** What the database holds after writing a plan's puts (an upsert per record). */
function apply(state: BackupTables, put: BackupTables): BackupTables {
  const out = empty();
  for (const table of TABLES) {
    const rows = new Map<string, ExistingRecord>();
    for (const r of [...state[table], ...put[table]] as ExistingRecord[])
      rows.set(keyOf(table, r), r);
    (out[table] as ExistingRecord[]) = [...rows.values()].sort((a, b) =>
      keyOf(table, a) < keyOf(table, b) ? -1 : 1,
    );
  }
  return out;
}
const merge = (state: BackupTables, incoming: BackupTables) =>
  apply(state, planMerge(state as ExistingTables, incoming).put);
const summary = (s: Partial<MergeSummary>): MergeSummary => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  ...s,
});

describe('planMerge decides record by record', () => {
  it.each<[string, Brand | undefined, Brand, Partial<MergeSummary>]>([
    ['new id', undefined, brand('b', 5), { added: 1 }],
    ['new tombstone is stored', undefined, brand('b', 5, true), { added: 1 }],
    ['newer copy', brand('b', 5), brand('b', 6), { updated: 1 }],
    ['older copy', brand('b', 5), brand('b', 4), { unchanged: 1 }],
    ['same time', brand('b', 5), brand('b', 5), { unchanged: 1 }],
    ['newer tombstone deletes', brand('b', 5), brand('b', 6, true), { removed: 1 }],
    ['same-time tombstone deletes', brand('b', 5), brand('b', 5, true), { removed: 1 }],
    ['older tombstone loses', brand('b', 5), brand('b', 4, true), { unchanged: 1 }],
    [
      'older record does not revive a tombstone',
      brand('b', 5, true),
      brand('b', 4),
      { unchanged: 1 },
    ],
    [
      'same-time record does not revive a tombstone',
      brand('b', 5, true),
      brand('b', 5),
      { unchanged: 1 },
    ],
    ['newer record undeletes', brand('b', 5, true), brand('b', 6), { updated: 1 }],
    ['newer tombstone over a tombstone', brand('b', 5, true), brand('b', 6, true), { updated: 1 }],
  ])('%s', (_name, stored, incoming, expected) => {
    const plan = planMerge({ brands: stored ? [stored] : [] }, { ...empty(), brands: [incoming] });
    expect(plan.summary).toEqual(summary(expected));
    expect(plan.byTable.brands).toEqual(summary(expected));
    const written = expected.unchanged ? [] : [incoming];
    expect(plan.put.brands).toEqual(written);
  });

  it('compares times as instants, not text', () => {
    const stored = { ...brand('b', 0), updatedAt: '2026-11-22T10:30:00.000Z' };
    const incoming = { ...brand('b', 0), updatedAt: '2026-11-22T12:00:00+02:00' }; // 10:00Z
    expect(planMerge({ brands: [stored] }, { ...empty(), brands: [incoming] }).summary).toEqual(
      summary({ unchanged: 1 }),
    );
  });

  it('keys rubrics by id and version', () => {
    const plan = planMerge(
      { rubrics: [{ id: 'r', version: 1, updatedAt: at(5) }] },
      { ...empty(), rubrics: [rubric('r', 1, 5), rubric('r', 2, 1), rubric('r', 1, 6)] },
    );
    expect(plan.summary).toEqual(summary({ unchanged: 1, added: 1, updated: 1 }));
    expect(plan.put.rubrics.map((r) => r.name)).toEqual(['r v2 @ 1', 'r v1 @ 6']);
  });

  it('adds evidence only when missing: it never changes', () => {
    const plan = planMerge(
      { evidence: [{ id: 'e1' }] },
      { ...empty(), evidence: [evidence('e1', 't'), evidence('e2', 't')] },
    );
    expect(plan.put.evidence.map((e) => e.id)).toEqual(['e2']);
    expect(plan.byTable.evidence).toEqual(summary({ added: 1, unchanged: 1 }));
  });

  it('merges an export into an empty database as it is', () => {
    const backup = toBackup(sampleData(), NOW);
    const plan = planMerge({}, backup);
    const { format: _f, version: _v, exportedAt: _e, ...tables } = backup;
    expect(plan.put).toEqual(tables);
    expect(plan.summary).toEqual(
      summary({ added: TABLES.reduce((n, t) => n + tables[t].length, 0) }),
    );
  });
});

describe('planMerge properties', () => {
  const ids = fc.constantFrom('a', 'b', 'c', 'd');
  const minute = fc.integer({ min: 0, max: 4 });
  const tables: fc.Arbitrary<BackupTables> = fc
    .record({
      brands: fc.array(fc.tuple(ids, minute, fc.boolean()), { maxLength: 8 }),
      rubrics: fc.array(fc.tuple(ids, fc.integer({ min: 1, max: 2 }), minute), { maxLength: 6 }),
      evidence: fc.array(ids, { maxLength: 4 }),
    })
    .map((g) => ({
      ...empty(),
      brands: g.brands.map(([id, m, d]) => brand(id, m, d)),
      rubrics: g.rubrics.map(([id, v, m]) => rubric(id, v, m)),
      evidence: g.evidence.map((id) => evidence(id, 'tp')),
    }));
  const total = (t: BackupTables) => TABLES.reduce((n, table) => n + t[table].length, 0);

  it('merging the same backup twice changes nothing the second time', () => {
    fc.assert(
      fc.property(tables, tables, (stored, incoming) => {
        const once = merge(merge(empty(), stored), incoming);
        const plan = planMerge(once as ExistingTables, incoming);
        expect(plan.summary).toEqual(summary({ unchanged: total(incoming) }));
        expect(total(plan.put)).toBe(0);
      }),
    );
  });

  it('merging A then B gives what B then A gives', () => {
    fc.assert(
      fc.property(tables, tables, tables, (stored, a, b) => {
        const base = merge(empty(), stored);
        expect(merge(merge(base, a), b)).toEqual(merge(merge(base, b), a));
      }),
    );
  });

  it('the four counts add up to the records merged, and only non-unchanged ones are put', () => {
    fc.assert(
      fc.property(tables, tables, (stored, incoming) => {
        const plan = planMerge(merge(empty(), stored) as ExistingTables, incoming);
        const s = plan.summary;
        expect(s.added + s.updated + s.unchanged + s.removed).toBe(total(incoming));
        expect(total(plan.put)).toBe(s.added + s.updated + s.removed);
      }),
    );
  });

  it('export then merge into empty gives the same records', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const unique = merge(empty(), t); // one record per key, as a database holds them
        const plan = planMerge({}, toBackup({ ...unique }, NOW));
        expect(apply(empty(), plan.put)).toEqual(unique);
        expect(plan.summary).toEqual(summary({ added: total(unique) }));
      }),
    );
  });
});

describe('review comments merge as a set', () => {
  const comment = (id: string, minute: number) => ({ id, at: at(minute), by: 'Lea', text: id });
  const tp = (minute: number, comments: ReturnType<typeof comment>[], scores = {}) => ({
    ...sampleData().touchpoints[0]!,
    id: 't',
    scores,
    updatedAt: at(minute),
    comments,
  });

  it('keeps the stored comments when a newer copy wins', () => {
    const plan = planMerge(
      { touchpoints: [tp(1, [comment('c1', 1)])] },
      { ...empty(), touchpoints: [tp(5, [comment('c2', 4)], { speed: 3 })] },
    );
    expect(plan.put.touchpoints).toHaveLength(1);
    expect(plan.put.touchpoints[0]).toMatchObject({ scores: { speed: 3 } });
    expect(plan.put.touchpoints[0]!.comments?.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('adds the file’s new comments to a stored copy that stays, and counts it as updated', () => {
    const plan = planMerge(
      { touchpoints: [tp(9, [comment('c1', 1)], { speed: 5 })] },
      { ...empty(), touchpoints: [tp(2, [comment('c1', 1), comment('c3', 2)])] },
    );
    expect(plan.byTable.touchpoints).toMatchObject({ updated: 1, unchanged: 0 });
    expect(plan.put.touchpoints[0]).toMatchObject({ scores: { speed: 5 }, updatedAt: at(9) });
    expect(plan.put.touchpoints[0]!.comments?.map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('writes nothing when the file brings no comment the stored copy lacks', () => {
    const plan = planMerge(
      { touchpoints: [tp(9, [comment('c1', 1), comment('c3', 2)])] },
      { ...empty(), touchpoints: [tp(2, [comment('c3', 2)])] },
    );
    expect(plan.put.touchpoints).toEqual([]);
    expect(plan.byTable.touchpoints).toMatchObject({ unchanged: 1 });
  });
});
