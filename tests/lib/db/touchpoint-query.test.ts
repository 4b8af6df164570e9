// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  auditsMatching,
  countMatching,
  createTouchpoint,
  FIRST_PAGE,
  nthTouchpointOfAudit,
  readTouchpointPage,
  setTouchpointDeleted,
  startAudit,
  type TouchpointFilter,
} from '../../../lib/db';
import type { Audit, Touchpoint } from '../../../lib/model';
import { makeDefaultRubric } from '../../../lib/rubric';
import { dropDb } from './test-db';

let db: AuditorDb;
const t0 = new Date('2026-11-22T10:00:00.000Z');
const rubric = {
  ...makeDefaultRubric(t0.toISOString()),
  criteria: makeDefaultRubric(t0.toISOString()).criteria.map((c) => ({
    ...c,
    critical: c.id === 'trust',
  })),
};

beforeEach(() => {
  db = new AuditorDb(`query-${crypto.randomUUID()}`);
});
afterEach(() => dropDb(db));

/** Two audits: Ana on brand b1 (cart ×30, payment ×10 of which 5 fail trust), Ben on b2 (cart ×5). */
async function seed(): Promise<Audit[]> {
  const a = await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
  const base = {
    stage: 'purchase',
    channel: 'web',
    source: 'page',
    url: null,
    pageTitle: null,
    anchor: null,
    notes: '',
  } as const;
  for (let i = 0; i < 30; i++)
    await createTouchpoint(db, { ...base, auditId: a.id, category: 'cart', scores: {} }, t0);
  for (let i = 0; i < 10; i++) {
    await createTouchpoint(
      db,
      {
        ...base,
        auditId: a.id,
        category: 'payment',
        stage: 'retention',
        scores: { trust: i < 5 ? 1 : 4 },
      },
      t0,
    );
  }
  const b = await startAudit(
    db,
    { studyId: 's', brandId: 'b2', shopper: 'Ben', scenario: '' },
    new Date(t0.getTime() + 1000),
  );
  for (let i = 0; i < 5; i++)
    await createTouchpoint(db, { ...base, auditId: b.id, category: 'cart', scores: {} }, t0);
  return [b, a];
}

async function readAll(
  audits: Audit[],
  filter: TouchpointFilter,
  pageSize: number,
): Promise<{ rows: Touchpoint[]; pages: number }> {
  const rows: Touchpoint[] = [];
  let cursor = FIRST_PAGE;
  let pages = 0;
  for (;;) {
    const page = await readTouchpointPage(db, audits, filter, rubric, cursor, pageSize, 100);
    pages++;
    rows.push(...page.rows);
    if (!page.next) return { rows, pages };
    cursor = page.next;
  }
}

describe('reading a study’s touchpoints page by page', () => {
  it.each([
    [{}, 45, 45],
    [{ category: 'cart' }, 35, 35],
    [{ brandId: 'b2' }, 5, 5],
    [{ shopper: 'Ana', category: 'payment' }, 10, 10],
    [{ stage: 'retention' }, 10, null],
    [{ criticalOnly: true }, 5, null],
    [{ brandId: 'b2', criticalOnly: true }, 0, null],
  ] as [TouchpointFilter, number, number | null][])(
    '%j: %i rows, each once, counted as %j',
    async (filter, n, count) => {
      const audits = auditsMatching(await seed(), filter);
      const { rows } = await readAll(audits, filter, 7);
      expect(rows).toHaveLength(n);
      expect(new Set(rows.map((r) => r.id)).size).toBe(n);
      expect(await countMatching(db, audits, filter)).toBe(count);
    },
  );

  it('starts with the newest audit and reads only the first page’s worth', async () => {
    const audits = await seed();
    const page = await readTouchpointPage(db, audits, {}, rubric, FIRST_PAGE, 3);
    expect(page.rows).toHaveLength(3);
    expect(page.rows.every((r) => r.auditId === audits[0]!.id)).toBe(true);
    expect(page.next).toEqual({ auditIndex: 0, offset: 3 });
  });

  it('leaves deleted touchpoints out and keeps the following pages where they were', async () => {
    const audits = await seed();
    const first = await readTouchpointPage(db, audits, {}, rubric, FIRST_PAGE, 10);
    await setTouchpointDeleted(db, first.rows[0]!.id, true, t0);
    const rest = await readAll(audits, {}, 10);
    expect(rest.rows).toHaveLength(44);
    expect(rest.rows.map((r) => r.id)).not.toContain(first.rows[0]!.id);
  });
});

describe('one touchpoint of an audit at a time (the review queue)', () => {
  it('reads the nth live one in the touchpoints view’s order, none past the end', async () => {
    const [, ana] = await seed();
    const { rows } = await readAll([ana!], {}, 100);
    await setTouchpointDeleted(db, rows[1]!.id, true, t0);
    const live = rows.filter((_, i) => i !== 1);
    for (const n of [0, 1, 2, 29, 38])
      expect((await nthTouchpointOfAudit(db, ana!.id, n))?.id).toBe(live[n]!.id);
    expect(await nthTouchpointOfAudit(db, ana!.id, 39)).toBeUndefined();
    expect(await nthTouchpointOfAudit(db, 'nope', 0)).toBeUndefined();
  });
});
