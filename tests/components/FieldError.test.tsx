import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldError } from '@/components/FieldError';
import { RubricFieldError } from '@/entrypoints/options/rubrics/RubricFieldError';

afterEach(cleanup);

describe('FieldError', () => {
  it('shows the message as an alert with the id its field points to', () => {
    render(
      <FieldError id="brand-name-error" testId="brand-error-name">
        Give the brand a name.
      </FieldError>,
    );
    const shown = screen.getByTestId('brand-error-name');
    expect(shown.id).toBe('brand-name-error');
    expect(shown.getAttribute('role')).toBe('alert');
    expect(shown.textContent).toBe('Give the brand a name.');
  });
});

describe('RubricFieldError', () => {
  const errors = (path: string) =>
    path === 'criteria[1].weight' ? ['Must be a number.', 'Must not be negative.'] : [];

  it('joins the errors at a rubric path, under the ids the rubric inputs use', () => {
    render(<RubricFieldError path="criteria[1].weight" errors={errors} />);
    const shown = screen.getByTestId('rubric-error-criteria[1].weight');
    expect(shown.id).toBe('rubric-err-criteria_1__weight');
    expect(shown.getAttribute('role')).toBe('alert');
    expect(shown.textContent).toBe('Must be a number. Must not be negative.');
  });

  it('shows nothing for a path without errors', () => {
    const { container } = render(<RubricFieldError path="name" errors={errors} />);
    expect(container.childNodes).toHaveLength(0);
  });
});
