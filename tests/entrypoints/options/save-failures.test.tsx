import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrandForm } from '../../../entrypoints/options/BrandForm';
import { StudyForm } from '../../../entrypoints/options/StudyForm';
import type { Brand } from '../../../lib/model';
import { makeDefaultRubric } from '../../../lib/rubric';
import { click, ctx, open, type, useFreshDb } from './rubrics-harness';

// Every save of the options page that fails says so, with the reason; none fails silently.
useFreshDb();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const at = '2026-11-22T10:00:00.000Z';
const northwind: Brand = {
  id: 'nw',
  name: 'Northwind',
  role: 'own',
  domains: ['northwind.localhost'],
  createdAt: at,
  updatedAt: at,
};
const diskFull = new Error('QuotaExceededError: the disk is full');
const refusedWrite = () => Promise.reject(diskFull);
const SAID = 'Not saved: Something went wrong: QuotaExceededError: the disk is full';

describe('forms whose write fails', () => {
  it('BrandForm shows the failure and can be saved again', async () => {
    render(<BrandForm siblings={[]} onSave={refusedWrite} onCancel={() => {}} />);
    type('brand-name', 'Fabrikam');
    type('brand-domains', 'fabrikam.localhost');
    fireEvent.click(screen.getByTestId('brand-save'));
    const alert = await screen.findByTestId('brand-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(SAID);
    expect((screen.getByTestId('brand-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('StudyForm shows the failure', async () => {
    render(
      <StudyForm
        brands={[northwind]}
        rubrics={[makeDefaultRubric(at)]}
        onSave={refusedWrite}
        onCancel={() => {}}
      />,
    );
    type('study-name', 'Shoes');
    fireEvent.click(screen.getByTestId('study-brand-nw'));
    fireEvent.click(screen.getByTestId('study-save'));
    expect((await screen.findByTestId('study-failed')).textContent).toBe(SAID);
  });
});

describe('the Rubrics tab when the database refuses a write', () => {
  it('the editor shows a failed save', async () => {
    await open();
    vi.spyOn(ctx.db.rubrics, 'put').mockRejectedValue(diskFull);
    type('criterion-label-0', 'Speed of answer');
    click('rubric-save');
    expect((await screen.findByTestId('rubric-save-failed')).textContent).toBe(SAID);
  });

  it('a custom category that cannot be stored says so', async () => {
    await open();
    vi.spyOn(ctx.db.categories, 'add').mockRejectedValue(diskFull);
    type('category-id', 'gift_wrap');
    type('category-label', 'Gift wrapping');
    click('category-add');
    expect((await screen.findByTestId('category-add-failed')).textContent).toBe(SAID);
  });

  it('an import that cannot be stored says so', async () => {
    await open();
    vi.spyOn(ctx.db.rubrics, 'add').mockRejectedValue(diskFull);
    fireEvent.change(screen.getByTestId('rubric-import'), {
      target: {
        files: [new File([JSON.stringify({ ...ctx.v1, id: 'shared' })], 'rubric.json')],
      },
    });
    expect((await screen.findByTestId('rubric-import-failed')).textContent).toBe(
      'The file was not imported: Something went wrong: QuotaExceededError: the disk is full',
    );
  });

  it('a duplicate that cannot be stored says so', async () => {
    await open();
    vi.spyOn(ctx.db.rubrics, 'add').mockRejectedValue(diskFull);
    click('rubric-duplicate');
    expect((await screen.findByTestId('rubric-duplicate-failed')).textContent).toBe(
      'Not duplicated: Something went wrong: QuotaExceededError: the disk is full',
    );
  });
});
