import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { duplicateRubric, getRubric, listRubricVersions } from '../../../lib/db';
import { click, ctx, open, type, useFreshDb } from './rubrics-harness';

useFreshDb();

const nameField = () => screen.getByTestId<HTMLInputElement>('rubric-name');
const later = '2026-11-23T09:00:00.000Z';

/** What another tab or team sync does: writes the same version of the rubric anew. */
const changeElsewhere = (name: string) => ctx.db.rubrics.put({ ...ctx.v1, name, updatedAt: later });

describe('a lead editing a rubric loses nothing to a change made elsewhere', () => {
  it('with nothing edited, the form follows the stored rubric', async () => {
    await open();
    await changeElsewhere('Theirs');
    await waitFor(() => expect(nameField().value).toBe('Theirs'));
    expect(screen.queryByTestId('rubric-changed-elsewhere')).toBeNull();
  });

  it('keeps the edits when the same version is changed elsewhere, says so, and Save stores them', async () => {
    await open();
    type('rubric-name', 'Mine');
    type('criterion-weight-0', '4');
    await changeElsewhere('Theirs');
    await screen.findByTestId('rubric-changed-elsewhere');
    expect(screen.getByTestId('rubric-changed-elsewhere').textContent).toMatch(
      /changed elsewhere .* Your edits are still here/,
    );
    expect(nameField().value).toBe('Mine');
    expect(screen.getByTestId<HTMLInputElement>('criterion-weight-0').value).toBe('4');

    click('rubric-save');
    await waitFor(() => expect(screen.getByTestId('rubric-notice').textContent).toBe('Saved.'));
    const stored = await getRubric(ctx.db, 'default', 1);
    expect(stored?.name).toBe('Mine');
    expect(stored?.criteria[0]?.weight).toBe(4);
    expect(screen.queryByTestId('rubric-changed-elsewhere')).toBeNull();
  });

  it('Discard changes shows the rubric as it is stored now', async () => {
    await open();
    type('rubric-name', 'Mine');
    await changeElsewhere('Theirs');
    await screen.findByTestId('rubric-changed-elsewhere');
    click('rubric-discard');
    await waitFor(() => expect(nameField().value).toBe('Theirs'));
    expect(screen.queryByTestId('rubric-changed-elsewhere')).toBeNull();
    expect((await getRubric(ctx.db, 'default', 1))?.name).toBe('Theirs');
  });

  it('a newer version saved elsewhere: the edits stay and are saved as the version after it', async () => {
    await open();
    type('rubric-name', 'Mine');
    await ctx.db.rubrics.add({ ...ctx.v1, version: 2, name: 'Theirs', updatedAt: later });
    await screen.findByTestId('rubric-changed-elsewhere');
    expect(nameField().value).toBe('Mine');
    click('rubric-save');
    await waitFor(() =>
      expect(screen.getByTestId('rubric-notice').textContent).toBe(
        'Saved as version 3; version 1 is kept unchanged.',
      ),
    );
    const names = (await listRubricVersions(ctx.db, 'default')).map((r) => r.name);
    expect(names).toEqual([ctx.v1.name, 'Theirs', 'Mine']);
  });

  it('opening another rubric and coming back brings the unsaved edits back', async () => {
    const copy = await duplicateRubric(ctx.db, 'default', 1, 'Copy', new Date(later));
    await open();
    click('rubric-item-default'); // the list is by name: the copy comes first
    await waitFor(() => expect(nameField().value).toBe(ctx.v1.name));
    type('rubric-name', 'Mine');
    click(`rubric-item-${copy!.id}`);
    await waitFor(() => expect(nameField().value).toBe('Copy'));
    expect(screen.queryByTestId('rubric-unsaved-back')).toBeNull();

    click('rubric-item-default');
    await waitFor(() => expect(nameField().value).toBe('Mine'));
    expect(screen.getByTestId('rubric-unsaved-back').textContent).toBe(
      'Your unsaved changes to this rubric are back. Save them or discard them.',
    );
    click('rubric-discard');
    await waitFor(() => expect(nameField().value).toBe(ctx.v1.name));
    expect(screen.queryByTestId('rubric-unsaved-back')).toBeNull();
  });

  it('a new rubric being written survives opening another one', async () => {
    await open();
    click('rubric-new');
    type('rubric-name', 'Store visit');
    click('rubric-item-default');
    await waitFor(() => expect(nameField().value).toBe(ctx.v1.name));
    click('rubric-new');
    await waitFor(() => expect(nameField().value).toBe('Store visit'));
    screen.getByTestId('rubric-unsaved-back');
  });
});
