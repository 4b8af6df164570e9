import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  createTouchpoint,
  getStudyTally,
  putTouchpoints,
  rebuildStudyTally,
  seedDefaults,
  setTouchpointDeleted,
  updateTouchpoint,
  moveAuditInTallies,
  tallyTables,
  updateAudit,
  waveTally,
} from '../../../lib/db';
import type { ScoreValue, Touchpoint } from '../../../lib/model';
import { buildComparison, type Tally } from '../../../lib/report';
import { dropDb } from './test-db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: AuditorDb;

beforeEach(async () => {
  db = new AuditorDb(`tally-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
  const at = now.toISOString();
  await db.brands.bulkAdd([
    { id: 'own', name: 'Northwind', role: 'own', domains: [], createdAt: at, updatedAt: at },
    { id: 'rival', name: 'Contoso', role: 'competitor', domains: [], createdAt: at, updatedAt: at },
  ]);
  await db.studies.add({
    id: 's',
    name: 'Q4',
    wave: 'Q4',
    waves: ['Q3', 'Q4'],
    requireReview: false,
    rubricId: 'default',
    rubricVersion: 1,
    brandIds: ['own', 'rival'],
    createdAt: at,
    updatedAt: at,
  });
  await db.audits.bulkAdd([
    {
      id: 'a-own',
      studyId: 's',
      brandId: 'own',
      shopper: 'A',
      scenario: '',
      startedAt: at,
      endedAt: null,
      wave: 'Q4',
      purpose: 'audit',
      review: 'in_progress',
      createdAt: at,
      updatedAt: at,
    },
    {
      id: 'a-rival',
      studyId: 's',
      brandId: 'rival',
      shopper: 'B',
      scenario: '',
      startedAt: at,
      endedAt: null,
      wave: 'Q4',
      purpose: 'audit',
      review: 'in_progress',
      createdAt: at,
      updatedAt: at,
    },
  ]);
});
afterEach(() => dropDb(db));

/** Compares two tallies: counts exactly, sums within float noise. */
function expectSameTally(kept: Tally, fresh: Tally) {
  expect(Object.keys(kept).sort()).toEqual(Object.keys(fresh).sort());
  const round = (t: Tally) =>
    JSON.parse(
      JSON.stringify(t, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)),
    );
  expect(round(kept)).toEqual(round(fresh));
}

const CATS = ['online_ad', 'live_chat', 'checkout_step', 'payment'] as const;
const score = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant<ScoreValue>('NA'));
const scores = fc.dictionary(fc.constantFrom('speed', 'clarity', 'trust', 'empathy'), score, {
  maxKeys: 4,
});
const op = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    audit: fc.constantFrom('a-own', 'a-rival'),
    cat: fc.constantFrom(...CATS),
    scores,
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    cat: fc.constantFrom(...CATS),
    scores,
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('move' as const),
    audit: fc.constantFrom('a-own', 'a-rival'),
    wave: fc.constantFrom('Q3', 'Q4'),
  }),
  fc.record({
    kind: fc.constant('calibrate' as const),
    audit: fc.constantFrom('a-own', 'a-rival'),
    on: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('undelete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('import' as const),
    count: fc.integer({ min: 1, max: 5 }),
    cat: fc.constantFrom(...CATS),
    scores,
  }),
);

describe('report totals kept on write', () => {
  it('always equal a full recomputation, wave by wave, whatever the sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await db.touchpoints.clear();
        await db.auditStats.clear();
        await db.studyTallies.clear();
        await db.audits.toCollection().modify({ wave: 'Q4', purpose: 'audit' });
        const ids: string[] = [];
        let clock = now.getTime();
        const tick = () => new Date((clock += 1_000));
        for (const o of ops) {
          const base = {
            stage: 'purchase' as const,
            channel: 'web' as const,
            source: 'page' as const,
            url: null,
            pageTitle: null,
            anchor: null,
            notes: '',
          };
          if (o.kind === 'create') {
            ids.push(
              (
                await createTouchpoint(
                  db,
                  { ...base, auditId: o.audit, category: o.cat, scores: o.scores },
                  tick(),
                )
              ).id,
            );
          } else if (o.kind === 'import') {
            const at = tick().toISOString();
            const batch: Touchpoint[] = Array.from({ length: o.count }, (_, i) => ({
              ...base,
              id: ids[i] ?? crypto.randomUUID(),
              auditId: i % 2 ? 'a-own' : 'a-rival',
              category: o.cat,
              scores: o.scores,
              createdAt: at,
              updatedAt: at,
            }));
            await putTouchpoints(db, batch);
            for (const t of batch) if (!ids.includes(t.id)) ids.push(t.id);
          } else if (o.kind === 'move') {
            await updateAudit(db, o.audit, { wave: o.wave }, tick());
          } else if (o.kind === 'calibrate') {
            // Not an edit the UI offers, but the totals must follow any purpose an audit has.
            const prev = (await db.audits.get(o.audit))!;
            const next = { ...prev, purpose: o.on ? ('calibration' as const) : ('audit' as const) };
            await db.transaction('rw', [db.touchpoints, ...tallyTables(db)], async () => {
              await db.audits.put(next);
              await moveAuditInTallies(db, prev, next, tick());
            });
          } else if (ids.length) {
            const id = ids[o.pick % ids.length]!;
            if (o.kind === 'edit')
              await updateTouchpoint(db, id, { category: o.cat, scores: o.scores }, tick());
            else await setTouchpointDeleted(db, id, o.kind === 'delete', tick());
          }
        }
        const kept = await db.studyTallies.get('s');
        const fresh = await rebuildStudyTally(db, 's', now);
        for (const wave of ['Q3', 'Q4'])
          expectSameTally(waveTally(kept, wave), waveTally(fresh, wave));
      }),
      { numRuns: 40 },
    );
  });

  it('is rebuilt when the study moves to another rubric version', async () => {
    await createTouchpoint(
      db,
      {
        auditId: 'a-own',
        category: 'payment',
        stage: 'purchase',
        channel: 'web',
        source: 'page',
        url: null,
        pageTitle: null,
        anchor: null,
        scores: { speed: 5, clarity: 1 },
        notes: '',
      },
      now,
    );
    const v1 = (await db.rubrics.get(['default', 1]))!;
    const v2 = {
      ...v1,
      version: 2,
      criteria: v1.criteria.map((c) => (c.id === 'clarity' ? { ...c, weight: 0 } : c)),
    };
    await db.rubrics.add(v2);
    await db.studies.update('s', { rubricVersion: 2 });
    const tally = await getStudyTally(db, 's', now);
    expect(tally?.rubricVersion).toBe(2);
    const overall = buildComparison(waveTally(tally, 'Q4'), {
      brands: [
        { id: 'own', role: 'own' },
        { id: 'rival', role: 'competitor' },
      ],
      rubric: v2,
    }).find((r) => r.dimension === 'category' && r.key === 'payment' && r.brandId === 'own');
    expect(overall?.scorePct).toBe(100);
  });
});
