import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrandForm } from '../../../entrypoints/options/BrandForm';
import { StudyForm } from '../../../entrypoints/options/StudyForm';
import type { Brand, Rubric } from '../../../lib/model';
import { makeDefaultRubric } from '../../../lib/rubric';

afterEach(cleanup);

const at = '2026-11-22T10:00:00.000Z';
const brand = (id: string, name: string, role: Brand['role'], domains: string[]): Brand => ({
  id,
  name,
  role,
  domains,
  createdAt: at,
  updatedAt: at,
});
const northwind = brand('nw', 'Northwind', 'own', ['northwind.localhost']);
const contoso = brand('co', 'Contoso', 'competitor', ['contoso.localhost']);
const other = brand('ot', 'Other Own', 'own', ['other.localhost']);
const twin = brand('tw', 'Twin', 'competitor', ['contoso.localhost']);
const rubrics: Rubric[] = [{ ...makeDefaultRubric(at), version: 2 }, makeDefaultRubric(at)];

const type = (testId: string, value: string) =>
  fireEvent.input(screen.getByTestId(testId), { target: { value } });

/** Whether closing the tab now would ask first (the page cancels `beforeunload`). */
const asksBeforeLeaving = () =>
  !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));

describe('BrandForm', () => {
  it.each([
    ['an empty name', { name: '', domains: 'x.localhost' }, 'brand-error-name', /fill this in/],
    [
      'a domain that is not one',
      { name: 'X', domains: 'not a domain' },
      'brand-error-domains',
      /is not a domain/,
    ],
    [
      'a domain a sibling claims',
      { name: 'X', domains: 'https://contoso.localhost/shop' },
      'brand-error-domains',
      /already claimed by Contoso/,
    ],
  ])('refuses %s with a message at the field', async (_what, input, errorId, text) => {
    const onSave = vi.fn(async () => {});
    render(<BrandForm siblings={[northwind, contoso]} onSave={onSave} onCancel={() => {}} />);
    type('brand-name', input.name);
    type('brand-domains', input.domains);
    fireEvent.click(screen.getByTestId('brand-save'));
    const error = await screen.findByTestId(errorId);
    expect(error.textContent).toMatch(text);
    const field = errorId === 'brand-error-name' ? 'brand-name' : 'brand-domains';
    expect(screen.getByTestId(field).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId(field).getAttribute('aria-describedby')).toBe(errorId);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a second own brand at the role field', async () => {
    render(<BrandForm siblings={[northwind]} onSave={async () => {}} onCancel={() => {}} />);
    type('brand-name', 'Fabrikam');
    fireEvent.change(screen.getByTestId('brand-role'), { target: { value: 'own' } });
    fireEvent.click(screen.getByTestId('brand-save'));
    expect((await screen.findByTestId('brand-error-role')).textContent).toMatch(
      /Northwind is already the own brand/,
    );
  });

  it('saves a normalised brand', async () => {
    const onSave = vi.fn(async () => {});
    render(<BrandForm siblings={[northwind]} onSave={onSave} onCancel={() => {}} />);
    type('brand-name', ' Fabrikam ');
    type('brand-domains', 'https://www.Fabrikam.localhost/, fabrikam.de');
    fireEvent.click(screen.getByTestId('brand-save'));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        name: 'Fabrikam',
        role: 'competitor',
        domains: ['fabrikam.localhost', 'fabrikam.de'],
      }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('StudyForm', () => {
  const renderForm = (onSave = vi.fn(async () => {})) => {
    render(
      <StudyForm
        brands={[northwind, contoso, other, twin]}
        rubrics={rubrics}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    return onSave;
  };
  const check = (id: string) => fireEvent.click(screen.getByTestId(`study-brand-${id}`));

  it.each([
    ['an empty name', '', ['nw'], 'study-error-name', /fill this in/],
    ['no brand', 'Q4', [], 'study-error-brands', /at least one brand/],
    ['two own brands', 'Q4', ['nw', 'ot'], 'study-error-brands', /at most one own brand/],
    [
      'two brands claiming one domain',
      'Q4',
      ['co', 'tw'],
      'study-error-brands',
      /Contoso and Twin both claim contoso.localhost/,
    ],
  ])('refuses %s', async (_what, name, ids, errorId, text) => {
    const onSave = renderForm();
    type('study-name', name);
    ids.forEach(check);
    fireEvent.click(screen.getByTestId('study-save'));
    expect((await screen.findByTestId(errorId)).textContent).toMatch(text);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a study pinned to the chosen rubric version, brands in the order ticked', async () => {
    const onSave = renderForm();
    type('study-name', 'Running shoes');
    type('study-wave', '2026-Q4');
    expect((screen.getByTestId('study-rubric') as HTMLSelectElement).value).toBe('default@2');
    fireEvent.change(screen.getByTestId('study-rubric'), { target: { value: 'default@1' } });
    check('co');
    check('nw');
    fireEvent.click(screen.getByTestId('study-save'));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        name: 'Running shoes',
        wave: '2026-Q4',
        rubricId: 'default',
        rubricVersion: 1,
        brandIds: ['co', 'nw'],
      }),
    );
  });
});

describe('a study or brand being set up asks before the tab closes', () => {
  it('asks once the study form has something typed or ticked, not before', () => {
    render(
      <StudyForm
        brands={[northwind, contoso]}
        rubrics={rubrics}
        onSave={async () => {}}
        onCancel={() => {}}
      />,
    );
    expect(asksBeforeLeaving()).toBe(false);
    fireEvent.click(screen.getByTestId('study-brand-co'));
    expect(asksBeforeLeaving()).toBe(true);
    fireEvent.click(screen.getByTestId('study-brand-co'));
    expect(asksBeforeLeaving()).toBe(false);
    type('study-wave', '2027-Q1');
    expect(asksBeforeLeaving()).toBe(true);
  });

  it('asks once a brand being edited differs from the stored one', () => {
    render(
      <BrandForm
        brand={contoso}
        siblings={[northwind]}
        onSave={async () => {}}
        onCancel={() => {}}
      />,
    );
    expect(asksBeforeLeaving()).toBe(false);
    type('brand-domains', 'contoso.localhost, contoso-shop.localhost');
    expect(asksBeforeLeaving()).toBe(true);
    cleanup(); // saved or cancelled: the form is gone
    expect(asksBeforeLeaving()).toBe(false);
  });
});
