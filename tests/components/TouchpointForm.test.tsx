import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TouchpointForm } from '@/components/TouchpointForm';
import type { TouchpointForm as FormValue } from '@/lib/messaging/protocol';
import { makeDefaultRubric } from '@/lib/rubric';
import { DEFAULT_CATEGORIES } from '@/lib/taxonomy';

const rubric = makeDefaultRubric('2026-11-22T10:00:00.000Z');
rubric.criteria[0] = { ...rubric.criteria[0]!, appliesTo: ['live_chat'] };
const start: FormValue = {
  category: 'other',
  stage: 'consideration',
  channel: 'web',
  scores: {},
  notes: '',
  includeFieldValues: false,
};

/** Holds the form's value like a page would, and exposes the latest one. */
function Harness({ seen }: { seen: FormValue[] }) {
  const [value, setValue] = useState(start);
  return (
    <TouchpointForm
      rubric={rubric}
      categories={[...DEFAULT_CATEGORIES]}
      value={value}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

afterEach(cleanup);

describe('TouchpointForm', () => {
  it('shows one score control per criterion that applies to the category', () => {
    render(<Harness seen={[]} />);
    expect(screen.queryByTestId('tagger-score-speed')).toBeNull();
    expect(
      screen.getByTestId('tagger-score-clarity').querySelectorAll('[data-value]'),
    ).toHaveLength(6);
    fireEvent.change(screen.getByTestId('tagger-category'), { target: { value: 'live_chat' } });
    expect(screen.getByTestId('tagger-score-speed')).toBeTruthy();
  });

  it('moves the stage to the new category’s default, and both stay changeable', () => {
    const seen: FormValue[] = [];
    render(<Harness seen={seen} />);
    fireEvent.change(screen.getByTestId('tagger-category'), { target: { value: 'payment' } });
    expect(seen.at(-1)).toMatchObject({ category: 'payment', stage: 'purchase' });
    fireEvent.change(screen.getByTestId('tagger-stage'), { target: { value: 'retention' } });
    expect(seen.at(-1)).toMatchObject({ category: 'payment', stage: 'retention' });
  });

  it('scores by click, digit and N, and clears a score chosen twice', () => {
    const seen: FormValue[] = [];
    render(<Harness seen={seen} />);
    const clarity = screen.getByTestId('tagger-score-clarity');
    fireEvent.click(clarity.querySelector('[data-value="4"]')!);
    expect(seen.at(-1)?.scores).toEqual({ clarity: 4 });
    fireEvent.keyDown(clarity, { key: '2' });
    expect(seen.at(-1)?.scores).toEqual({ clarity: 2 });
    fireEvent.keyDown(clarity, { key: 'n' });
    expect(seen.at(-1)?.scores).toEqual({ clarity: 'NA' });
    fireEvent.keyDown(clarity, { key: '9' });
    expect(seen.at(-1)?.scores).toEqual({ clarity: 'NA' });
    fireEvent.click(clarity.querySelector('[data-value="NA"]')!);
    expect(seen.at(-1)?.scores).toEqual({});
  });

  it('shows each criterion’s help and keeps notes as text', () => {
    const seen: FormValue[] = [];
    render(<Harness seen={seen} />);
    expect(screen.getByText('Was it easy to understand, prices and fees included?')).toBeTruthy();
    fireEvent.input(screen.getByTestId('tagger-notes'), { target: { value: '<b>not html</b>' } });
    expect(seen.at(-1)?.notes).toBe('<b>not html</b>');
  });
});
