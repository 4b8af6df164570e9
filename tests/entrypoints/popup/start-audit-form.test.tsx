import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostClaim } from '../../../entrypoints/popup/HostClaim';
import { StartAuditForm } from '../../../entrypoints/popup/StartAuditForm';
import type { StudyChoice } from '../../../lib/audit';
import type { Brand, Study } from '../../../lib/model';

afterEach(cleanup);

const at = '2026-11-22T10:00:00.000Z';
const brand = (id: string, name: string, domains: string[]): Brand => ({
  id,
  name,
  role: 'competitor',
  domains,
  createdAt: at,
  updatedAt: at,
});
const study = (id: string, name: string, brandIds: string[]): Study => ({
  id,
  name,
  wave: 'W',
  waves: ['W'],
  requireReview: false,
  rubricId: 'default',
  rubricVersion: 1,
  brandIds,
  createdAt: at,
  updatedAt: at,
});
const nw = brand('nw', 'Northwind', ['northwind.localhost']);
const co = brand('co', 'Contoso', ['contoso.localhost']);
const fa = brand('fa', 'Fabrikam', ['fabrikam.localhost']);
const choices: StudyChoice[] = [
  { study: study('s1', 'Shoes', ['nw', 'co']), brands: [nw, co] },
  { study: study('s2', 'Bikes', ['fa']), brands: [fa] },
];
const selected = (testId: string) => {
  const select = screen.getByTestId(testId) as HTMLSelectElement;
  return select.options[select.selectedIndex]?.textContent;
};

describe('StartAuditForm', () => {
  it('opens on the form kept when the popup closed, and hands up every change', () => {
    const changes: string[] = [];
    render(
      <StartAuditForm
        choices={choices}
        host="shop.contoso.localhost"
        shopper="Ana"
        kept={{ studyId: 's2', brandId: 'fa', scenario: 'Return a bike', shopper: 'Ana B.' }}
        onChange={(form) => changes.push(`${form.studyId}/${form.brandId}/${form.scenario}`)}
        onStart={async () => {}}
        onCancel={() => {}}
      />,
    );
    // The kept study and brand win over the ones the tab would propose.
    expect(selected('audit-study')).toBe('Bikes');
    expect(selected('audit-brand')).toBe('Fabrikam');
    expect((screen.getByTestId('audit-scenario') as HTMLTextAreaElement).value).toBe(
      'Return a bike',
    );
    expect((screen.getByTestId('audit-shopper') as HTMLInputElement).value).toBe('Ana B.');
    expect(screen.getByTestId('audit-form-restored').textContent).toBe(
      'What you filled in is back as you left it.',
    );
    fireEvent.input(screen.getByTestId('audit-scenario'), {
      target: { value: 'Return a bike bought online' },
    });
    fireEvent.change(screen.getByTestId('audit-study'), { target: { value: 's1' } });
    expect(changes).toEqual([
      's2/fa/Return a bike bought online',
      's1/co/Return a bike bought online',
    ]);
  });

  it('keeps the text of a form whose study is gone, on the study the tab proposes', () => {
    render(
      <StartAuditForm
        choices={choices}
        host="fabrikam.localhost"
        shopper="Ana"
        kept={{ studyId: 'gone', brandId: 'x', scenario: 'Ask about sizes', shopper: 'Ana' }}
        onStart={async () => {}}
        onCancel={() => {}}
      />,
    );
    expect(selected('audit-study')).toBe('Bikes');
    expect(selected('audit-brand')).toBe('Fabrikam');
    expect((screen.getByTestId('audit-scenario') as HTMLTextAreaElement).value).toBe(
      'Ask about sizes',
    );
  });

  it.each([
    ['shop.contoso.localhost', 'Shoes', 'Contoso', true],
    ['fabrikam.localhost', 'Bikes', 'Fabrikam', true],
    ['elsewhere.localhost', 'Shoes', 'Northwind', false],
    ['', 'Shoes', 'Northwind', false],
  ])('on %j proposes %s / %s', (host, studyName, brandName, proposed) => {
    render(
      <StartAuditForm
        choices={choices}
        host={host}
        shopper="Ana"
        onStart={async () => {}}
        onCancel={() => {}}
      />,
    );
    expect(selected('audit-study')).toBe(studyName);
    expect(selected('audit-brand')).toBe(brandName);
    expect(!!screen.queryByTestId('audit-brand-proposed')).toBe(proposed);
    expect((screen.getByTestId('audit-shopper') as HTMLInputElement).value).toBe('Ana');
  });

  it('refuses to start without a shopper name, then starts with one', async () => {
    const onStart = vi.fn(async () => {});
    render(
      <StartAuditForm choices={choices} host="" shopper="" onStart={onStart} onCancel={() => {}} />,
    );
    fireEvent.change(screen.getByTestId('audit-study'), { target: { value: 's2' } });
    expect(selected('audit-brand')).toBe('Fabrikam');
    fireEvent.click(screen.getByTestId('audit-start'));
    expect((await screen.findByTestId('audit-error-shopper')).textContent).toMatch(/fill this in/);
    expect(onStart).not.toHaveBeenCalled();
    fireEvent.input(screen.getByTestId('audit-shopper'), { target: { value: ' Ben ' } });
    fireEvent.input(screen.getByTestId('audit-scenario'), { target: { value: 'Return a bike' } });
    fireEvent.click(screen.getByTestId('audit-start'));
    await waitFor(() =>
      expect(onStart).toHaveBeenCalledWith({
        studyId: 's2',
        brandId: 'fa',
        shopper: 'Ben',
        scenario: 'Return a bike',
      }),
    );
  });
});

describe('HostClaim', () => {
  it('proposes the audit’s brand first and claims the host for the one chosen', async () => {
    const onClaim = vi.fn(async () => {});
    render(
      <HostClaim
        host="nw-outlet.localhost"
        auditBrand={nw}
        brands={[co, nw]}
        onClaim={onClaim}
        onNewCompetitor={async () => {}}
      />,
    );
    expect((screen.getByTestId('popup-claim-nw') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('popup-claim-co'));
    fireEvent.click(screen.getByTestId('popup-claim-save'));
    await waitFor(() => expect(onClaim).toHaveBeenCalledWith('co'));
  });

  it('needs a name for a new competitor', async () => {
    const onNew = vi.fn(async () => {});
    render(
      <HostClaim
        host="fabrikam.localhost"
        auditBrand={nw}
        brands={[nw]}
        onClaim={async () => {}}
        onNewCompetitor={onNew}
      />,
    );
    fireEvent.click(screen.getByTestId('popup-claim-new'));
    fireEvent.click(screen.getByTestId('popup-claim-save'));
    await screen.findByRole('alert');
    expect(onNew).not.toHaveBeenCalled();
    fireEvent.input(screen.getByTestId('popup-claim-name'), { target: { value: 'Fabrikam' } });
    fireEvent.click(screen.getByTestId('popup-claim-save'));
    await waitFor(() => expect(onNew).toHaveBeenCalledWith('Fabrikam'));
  });
});

describe('popup actions whose write fails', () => {
  const refusedWrite = () => Promise.reject(new Error('DatabaseClosedError: closed'));

  it('StartAuditForm says the audit was not started, and why', async () => {
    render(
      <StartAuditForm
        choices={choices}
        host=""
        shopper="Ana"
        onStart={refusedWrite}
        onCancel={() => {}}
      />,
    );
    fireEvent.click(screen.getByTestId('audit-start'));
    const alert = await screen.findByTestId('audit-start-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(
      'The audit was not started: Something went wrong: DatabaseClosedError: closed',
    );
    expect((screen.getByTestId('audit-start') as HTMLButtonElement).disabled).toBe(false);
  });

  it('HostClaim says the claim was not saved', async () => {
    render(
      <HostClaim
        host="nw-outlet.localhost"
        auditBrand={nw}
        brands={[nw]}
        onClaim={refusedWrite}
        onNewCompetitor={async () => {}}
      />,
    );
    fireEvent.click(screen.getByTestId('popup-claim-save'));
    expect((await screen.findByTestId('popup-claim-failed')).textContent).toBe(
      'Not saved: Something went wrong: DatabaseClosedError: closed',
    );
  });
});
