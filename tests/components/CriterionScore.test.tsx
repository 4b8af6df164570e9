import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { CriterionScore } from '@/components/CriterionScore';
import type { Criterion, Scale, ScoreValue } from '@/lib/model';

afterEach(cleanup);

const criterion: Criterion = {
  id: 'speed',
  label: 'Speed',
  help: '',
  weight: 1,
  appliesTo: 'all',
  critical: false,
};
const HUGE = Number.MAX_SAFE_INTEGER;

describe('CriterionScore', () => {
  it('offers every score of a sane scale and N/A', () => {
    render(
      <CriterionScore
        criterion={criterion}
        scale={{ min: 1, max: 5 }}
        value={undefined}
        onChange={() => {}}
      />,
    );
    const values = screen.getAllByRole('radio').map((b) => b.getAttribute('data-value'));
    expect(values).toEqual(['1', '2', '3', '4', '5', 'NA']);
  });

  it.each<[string, Scale]>([
    ['±(2^53 − 1) from a forged rubric', { min: -HUGE, max: HUGE }],
    ['0–1,000,000', { min: 0, max: 1_000_000 }],
  ])('draws at most 101 scores for %s, at once', (_name, scale) => {
    const started = performance.now();
    render(
      <CriterionScore criterion={criterion} scale={scale} value={undefined} onChange={() => {}} />,
    );
    expect(screen.getAllByRole('radio').length).toBeLessThanOrEqual(102);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  /** The component holding its own value, as a form does. */
  function Scored({ start }: { start: ScoreValue | undefined }) {
    const [value, setValue] = useState(start);
    return (
      <CriterionScore
        criterion={criterion}
        scale={{ min: 1, max: 5 }}
        value={value}
        onChange={setValue}
      />
    );
  }
  const checked = () =>
    screen.queryAllByRole('radio').find((r) => r.getAttribute('aria-checked') === 'true')?.dataset
      .value;

  it.each<[string, ScoreValue | undefined, string, string | undefined]>([
    ['ArrowRight from none picks the first', undefined, 'ArrowRight', '1'],
    ['ArrowLeft from none picks the last', undefined, 'ArrowLeft', 'NA'],
    ['ArrowDown moves on', 3, 'ArrowDown', '4'],
    ['ArrowUp moves back', 3, 'ArrowUp', '2'],
    ['ArrowRight wraps', 'NA', 'ArrowRight', '1'],
    ['Home', 4, 'Home', '1'],
    ['End', 2, 'End', 'NA'],
    ['a digit', undefined, '5', '5'],
    ['a digit off the scale does nothing', 2, '7', '2'],
    ['N', 2, 'n', 'NA'],
  ])('%s', (_name, start, key, expected) => {
    render(<Scored start={start} />);
    // Keys on the group itself, as when the tagger focuses a criterion.
    fireEvent.keyDown(screen.getByRole('radiogroup'), { key });
    expect(checked()).toBe(expected);
  });

  it('moves from the focused radio, and the focus with it', () => {
    render(<Scored start={undefined} />);
    const radios = screen.getAllByRole('radio');
    radios[2]!.focus();
    fireEvent.keyDown(radios[2]!, { key: 'ArrowRight' });
    expect(checked()).toBe('4');
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[3]);
  });

  it('is one tab stop: the checked radio, else the first; the current value clicked clears', () => {
    render(<Scored start={3} />);
    const stops = () => screen.getAllByRole('radio').filter((r) => r.tabIndex === 0);
    expect(stops().map((r) => r.dataset.value)).toEqual(['3']);
    fireEvent.click(screen.getAllByRole('radio')[2]!);
    expect(checked()).toBeUndefined();
    expect(stops().map((r) => r.dataset.value)).toEqual(['1']);
  });
});
