import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { StudiesSection } from '../../../entrypoints/options/StudiesSection';
import { DbContext } from '../../../hooks/use-db';
import { createBrand, createStudy } from '../../../lib/db';
import type { Study } from '../../../lib/model';
import { click, ctx, type, useFreshDb } from './rubrics-harness';

useFreshDb();

const at = new Date('2026-11-22T10:00:00.000Z');
let study: Study;

beforeEach(async () => {
  // Version 2 of the default rubric drops its first criterion.
  await ctx.db.rubrics.put({ ...ctx.v1, version: 2, criteria: ctx.v1.criteria.slice(1) });
  const brand = await createBrand(
    ctx.db,
    { name: 'Northwind', role: 'own', domains: ['northwind.localhost'] },
    at,
  );
  study = await createStudy(
    ctx.db,
    {
      name: 'Running shoes',
      wave: 'Q4',
      rubricId: 'default',
      rubricVersion: 1,
      brandIds: [brand.id],
    },
    at,
  );
});

/** Opens the Studies tab on the test database and the edit form of the study. */
async function editStudy(): Promise<void> {
  render(
    <DbContext.Provider value={ctx.db}>
      <StudiesSection />
    </DbContext.Provider>,
  );
  fireEvent.click(await screen.findByTestId('study-edit'));
  await screen.findByTestId('study-form');
}

const stored = async () => (await ctx.db.studies.get(study.id))!;

describe('an existing study keeps its pinned rubric version', () => {
  it('shows the pin instead of a version picker and saves edits without moving it', async () => {
    await editStudy();
    expect(screen.getByTestId('study-rubric-pinned').textContent).toMatch(/v1\b/);
    expect(screen.queryByTestId('study-rubric')).toBeNull();
    // The lead picks v2 and opens the warning, but does not confirm it.
    fireEvent.change(screen.getByTestId('study-rubric-move'), { target: { value: '2' } });
    click('study-rubric-move-review');
    expect((await screen.findByTestId('study-move-warning')).textContent).toMatch(/from v1 to v2/);
    type('study-name', 'Running shoes, renamed');
    click('study-save');
    await waitFor(async () => expect((await stored()).name).toBe('Running shoes, renamed'));
    expect((await stored()).rubricVersion).toBe(1);
  });

  it('cancelling the warning leaves the pin as it was', async () => {
    await editStudy();
    click('study-rubric-move-review');
    await screen.findByTestId('study-move-cancel');
    click('study-move-cancel');
    await waitFor(() => expect(screen.queryByTestId('study-move-warning')).toBeNull());
    expect((await stored()).rubricVersion).toBe(1);
  });

  it('moves the study once the lead confirms the warning, and a later save keeps the move', async () => {
    await editStudy();
    click('study-rubric-move-review');
    await screen.findByTestId('study-move-confirm');
    click('study-move-confirm');
    await waitFor(async () => expect((await stored()).rubricVersion).toBe(2));
    expect((await screen.findByTestId('study-rubric-moved')).textContent).toMatch(/now uses v2/);
    expect(screen.getByTestId('study-rubric-pinned').textContent).toMatch(/v2\b/);
    type('study-wave', 'Q1');
    click('study-save');
    await waitFor(async () => expect((await stored()).wave).toBe('Q1'));
    expect((await stored()).rubricVersion).toBe(2);
  });
});
