import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportView } from '../../../entrypoints/report/ReportView';
import * as read from '../../../lib/report/read';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ReportView', () => {
  it('says why when the report cannot be read, instead of loading for ever', async () => {
    vi.spyOn(read, 'loadReportHead').mockRejectedValue(new Error('UnknownError: disk gone'));
    render(<ReportView studyId="s1" others={[]} onImported={() => {}} />);
    const alert = await screen.findByTestId('report-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(
      'The report could not be read: Something went wrong: UnknownError: disk gone',
    );
    expect(screen.queryByText('Loading the report…')).toBeNull();
  });
});
