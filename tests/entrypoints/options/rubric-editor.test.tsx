import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { getRubric, listRubricVersions } from '../../../lib/db';
import { addAudit, addStudy, addTouchpoint } from '../../lib/db/rubric-fixtures';
import { click, ctx, open, type, useFreshDb } from './rubrics-harness';

useFreshDb();

describe('versioning in the editor', () => {
  it('saves an unused rubric in place, with reordered and added criteria', async () => {
    await open();
    click('criterion-down-0');
    click('criterion-add');
    type('criterion-label-8', 'Accessibility');
    type('criterion-id-8', 'accessibility');
    fireEvent.click(screen.getByTestId('criterion-critical-8'));
    click('rubric-save');
    await waitFor(() => expect(screen.getByTestId('rubric-notice').textContent).toBe('Saved.'));
    const versions = await listRubricVersions(ctx.db, 'default');
    expect(versions).toHaveLength(1);
    expect(versions[0]!.criteria.map((c) => c.id).slice(0, 2)).toEqual(['clarity', 'speed']);
    expect(versions[0]!.criteria[8]).toMatchObject({
      id: 'accessibility',
      label: 'Accessibility',
      critical: true,
      weight: 1,
    });
  });

  it('saves an edit of a scored rubric as a new version; the old one and the study pin stay', async () => {
    await addStudy(ctx.db, 's', 'default', 1);
    await addAudit(ctx.db, 'a', 's');
    await addTouchpoint(ctx.db, 'tp', 'a', { speed: 4 });
    await open();
    await waitFor(() =>
      expect(screen.getByTestId('rubric-note').textContent).toMatch(
        /saving keeps it unchanged and makes version 2/,
      ),
    );
    type('criterion-weight-0', '3');
    click('rubric-save');
    await waitFor(() =>
      expect(screen.getByTestId('rubric-notice').textContent).toBe(
        'Saved as version 2; version 1 is kept unchanged.',
      ),
    );
    expect(await getRubric(ctx.db, 'default', 1)).toEqual(ctx.v1);
    expect((await getRubric(ctx.db, 'default', 2))?.criteria[0]?.weight).toBe(3);
    expect((await ctx.db.studies.get('s'))?.rubricVersion).toBe(1);

    // The old version opens read-only.
    click('rubric-version-1');
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('criterion-weight-0').disabled).toBe(true),
    );
    expect(screen.queryByTestId('rubric-save')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('criterion-weight-0').value).toBe('1');

    // The lead moves the study on purpose, after a warning saying what changes.
    click('study-move-s');
    const warning = await screen.findByTestId('study-move-warning');
    await waitFor(() =>
      expect(warning.textContent).toMatch(/Speed & responsiveness: weight 1 → 3/),
    );
    click('study-move-confirm');
    await waitFor(async () => expect((await ctx.db.studies.get('s'))?.rubricVersion).toBe(2));
    await waitFor(() =>
      expect(screen.getByTestId('rubric-notice').textContent).toBe('“Study s” now uses v2.'),
    );
  });

  it('warns which touchpoints lose scores when a criterion was removed', async () => {
    await addStudy(ctx.db, 's', 'default', 1);
    await addAudit(ctx.db, 'a', 's');
    await addTouchpoint(ctx.db, 'tp', 'a', { speed: 4 });
    await open();
    click('criterion-remove-0');
    click('rubric-save');
    await screen.findByTestId('study-move-s');
    click('study-move-s');
    const warning = await screen.findByTestId('study-move-warning');
    await waitFor(() =>
      expect(warning.textContent).toMatch(/Criteria removed: Speed & responsiveness/),
    );
    expect(screen.getByTestId('study-move-affected').textContent).toMatch(
      /1 of 1 touchpoint.*removed criteria \(speed\)/s,
    );
    click('study-move-cancel');
    await waitFor(() => expect(screen.queryByTestId('study-move-warning')).toBeNull());
    expect((await ctx.db.studies.get('s'))?.rubricVersion).toBe(1);
  });

  it('creates a new rubric and duplicates one', async () => {
    await open();
    click('rubric-new');
    type('rubric-name', 'Chat rubric');
    fireEvent.change(screen.getByTestId('rubric-scale'), { target: { value: '0-1' } });
    click('rubric-save');
    await waitFor(() =>
      expect(screen.getByTestId('rubric-notice').textContent).toBe('Rubric created.'),
    );
    const created = (await ctx.db.rubrics.toArray()).find((r) => r.name === 'Chat rubric');
    expect(created).toMatchObject({ version: 1, scale: { min: 0, max: 1 } });
    await screen.findByTestId('rubric-duplicate');
    click('rubric-duplicate');
    await waitFor(async () =>
      expect((await ctx.db.rubrics.toArray()).map((r) => r.name)).toContain('Chat rubric (copy)'),
    );
  });
});

describe('sharing and custom categories', () => {
  const upload = (text: string) =>
    fireEvent.change(screen.getByTestId('rubric-import'), {
      target: { files: [new File([text], 'rubric.json', { type: 'application/json' })] },
    });

  it('refuses a bad file, saying what and where, and writes nothing', async () => {
    await open();
    const bad = {
      ...ctx.v1,
      id: 'shared',
      criteria: ctx.v1.criteria.map((c, i) => (i === 2 ? { ...c, weight: -1 } : c)),
    };
    upload(JSON.stringify(bad));
    const errors = await screen.findByTestId('rubric-import-errors');
    expect(errors.textContent).toContain('criteria[2].weight: expected a number ≥ 0');
    expect(await ctx.db.rubrics.count()).toBe(1);
  });

  it('imports a good file and selects it', async () => {
    await open();
    upload(JSON.stringify({ ...ctx.v1, id: 'shared', name: 'Shared rubric' }));
    await waitFor(() =>
      expect(screen.getByTestId('rubric-notice').textContent).toBe(
        'Imported “Shared rubric” (v1).',
      ),
    );
    expect(await getRubric(ctx.db, 'shared', 1)).toMatchObject({ name: 'Shared rubric' });
  });

  it('adds a custom category, refusing a bad id at its field', async () => {
    await open();
    type('category-id', 'Gift-Wrap');
    type('category-label', 'Gift wrapping');
    click('category-add');
    expect((await screen.findByTestId('category-error-id')).textContent).toMatch(
      /lowercase letters/,
    );
    expect(screen.getByTestId('category-id').getAttribute('aria-describedby')).toBe(
      'category-id-error',
    );
    type('category-id', 'gift_wrap');
    click('category-add');
    await screen.findByTestId('category-row-gift_wrap');
    // The new category can be chosen for a criterion.
    click('criterion-all-0');
    await screen.findByTestId('criterion-category-0-gift_wrap');
  });
});
