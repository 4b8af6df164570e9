import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect } from 'vitest';
import { RubricsSection } from '../../../entrypoints/options/RubricsSection';
import { DbContext } from '../../../hooks/use-db';
import { AuditorDb, getRubric, seedDefaults } from '../../../lib/db';
import type { Rubric } from '../../../lib/model';

/** The test's database (seeded) and its default rubric v1, fresh for every test. */
export const ctx = {} as { db: AuditorDb; v1: Rubric };

/** Registers the per-test database set-up and tear-down. */
export function useFreshDb(): void {
  beforeEach(async () => {
    ctx.db = new AuditorDb(`editor-${crypto.randomUUID()}`);
    await seedDefaults(ctx.db, new Date('2026-11-22T10:00:00.000Z'));
    ctx.v1 = (await getRubric(ctx.db, 'default', 1))!;
  });
  afterEach(async () => {
    cleanup();
    ctx.db.close();
    await ctx.db.delete();
  });
}

/** Renders the Rubrics tab on the test database and waits for the default rubric's form. */
export async function open(): Promise<void> {
  render(
    <DbContext.Provider value={ctx.db}>
      <RubricsSection />
    </DbContext.Provider>,
  );
  await screen.findByTestId('criterion-label-7');
}

/** Types a value into the control with this test id. */
export const type = (testId: string, value: string) =>
  fireEvent.input(screen.getByTestId(testId), { target: { value } });

/** Clicks the control with this test id. */
export const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));

/** Expects the message at `path`, tied to `inputTestId` through aria-describedby. */
export async function expectErrorAt(
  path: string,
  text: string | RegExp,
  inputTestId?: string,
): Promise<void> {
  const error = await screen.findByTestId(`rubric-error-${path}`);
  expect(error.textContent).toMatch(text);
  if (inputTestId) {
    const input = screen.getByTestId(inputTestId);
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  }
}
