import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { listRubricVersions } from '../../../lib/db';
import { click, ctx, expectErrorAt, open, type, useFreshDb } from './rubrics-harness';

useFreshDb();

describe('the rubric editor refuses an invalid rubric with a message at the field at fault', () => {
  it.each<[string, () => void, string, RegExp, string | undefined]>([
    [
      'a weight below 0',
      () => type('criterion-weight-2', '-1'),
      'criteria[2].weight',
      /0 or more/,
      'criterion-weight-2',
    ],
    [
      'a weight left empty',
      () => type('criterion-weight-1', ''),
      'criteria[1].weight',
      /Enter a number/,
      'criterion-weight-1',
    ],
    [
      'a duplicate criterion id',
      () => type('criterion-id-3', 'speed'),
      'criteria[3].id',
      /already uses the id “speed”/,
      'criterion-id-3',
    ],
    [
      'an empty label',
      () => type('criterion-label-0', ' '),
      'criteria[0].label',
      /needs a label/,
      'criterion-label-0',
    ],
    ['an empty name', () => type('rubric-name', ''), 'name', /needs a name/, 'rubric-name'],
    [
      'min ≥ max on a custom scale',
      () => {
        fireEvent.change(screen.getByTestId('rubric-scale'), { target: { value: 'custom' } });
        type('rubric-scale-min', '5');
        type('rubric-scale-max', '5');
      },
      'scale.min',
      /minimum \(5\) must be below the maximum \(5\)/,
      'rubric-scale-min',
    ],
    [
      'a custom scale of 101 steps',
      () => {
        fireEvent.change(screen.getByTestId('rubric-scale'), { target: { value: 'custom' } });
        type('rubric-scale-min', '0');
        type('rubric-scale-max', '101');
      },
      'scale.max',
      /at most 100 steps/,
      'rubric-scale-max',
    ],
    [
      'a custom scale to 2^53 − 1',
      () => {
        fireEvent.change(screen.getByTestId('rubric-scale'), { target: { value: 'custom' } });
        type('rubric-scale-min', '1');
        type('rubric-scale-max', String(Number.MAX_SAFE_INTEGER));
      },
      'scale.max',
      /between −1,000 and 1,000/,
      'rubric-scale-max',
    ],
    [
      'every weight 0',
      () => {
        for (let i = 0; i < 8; i++) type(`criterion-weight-${i}`, '0');
      },
      'criteria',
      /Every weight is 0/,
      undefined,
    ],
    [
      'no criteria',
      () => {
        for (let i = 0; i < 8; i++) click('criterion-remove-0');
      },
      'criteria',
      /no criteria/,
      undefined,
    ],
    [
      'a criterion applying to no category',
      () => click('criterion-all-4'),
      'criteria[4].appliesTo',
      /Tick at least one category/,
      undefined,
    ],
  ])('%s', async (_name, act, path, message, inputTestId) => {
    await open();
    act();
    click('rubric-save');
    await expectErrorAt(path, message, inputTestId);
    expect((await screen.findByTestId('rubric-refused')).textContent).toMatch(/Not saved/);
    expect(await listRubricVersions(ctx.db, 'default')).toEqual([ctx.v1]);
  });

  it('shows no message before the first Save, then follows the fix live', async () => {
    await open();
    type('criterion-weight-0', '-2');
    expect(screen.queryByTestId('rubric-error-criteria[0].weight')).toBeNull();
    click('rubric-save');
    await screen.findByTestId('rubric-error-criteria[0].weight');
    type('criterion-weight-0', '2');
    await waitFor(() => expect(screen.queryByTestId('rubric-error-criteria[0].weight')).toBeNull());
  });
});
