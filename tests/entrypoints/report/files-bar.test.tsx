import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../../lib/backup/import-db';
import { getDb, setSetting } from '../../../lib/db';
import { setLanguage } from '../../../lib/i18n';
import type { Study } from '../../../lib/model';
import type { Problem, Result } from '../../../lib/result';

const outcome = vi.hoisted(() => ({ next: undefined as unknown }));
vi.mock('../../../entrypoints/report/import-client', () => ({
  importBackupFile: () => Promise.resolve(outcome.next),
}));
/** The delimiter each CSV export was asked to write with. */
const exportedWith = vi.hoisted(() => [] as string[]);
vi.mock('../../../lib/export/study-csv', async (original) => ({
  ...(await original<typeof import('../../../lib/export/study-csv')>()),
  exportStudyCsv: (
    _db: unknown,
    _id: string,
    _kind: string,
    _now: Date,
    opts: { delimiter: string },
  ) => {
    exportedWith.push(opts.delimiter);
    return Promise.resolve(undefined);
  },
}));
const { FilesBar } = await import('../../../entrypoints/report/FilesBar');

afterEach(() => {
  cleanup();
  setLanguage('en', {});
  exportedWith.length = 0;
});

const summary = { added: 1, updated: 0, unchanged: 0, removed: 0 };
const refused = (error: Problem): Result<ImportSummary> => ({ ok: false, error });

async function importGiving(result: Result<ImportSummary>): Promise<string | null> {
  outcome.next = result;
  render(<FilesBar onImported={() => {}} />);
  const input = screen.getByTestId('report-import-backup') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['{}'], 'backup.json')] });
  fireEvent.change(input);
  // The status line is a new element once it turns into a failure's alert: ask for it again.
  const status = () => screen.getByTestId('report-files-status').textContent;
  await screen.findByTestId('report-files-status');
  await waitFor(() => expect(status()).not.toBe('Working…'));
  return status();
}

describe('FilesBar says what an import did, in words made from its problems', () => {
  it.each<[string, Problem, string]>([
    [
      'a refusal with its path',
      {
        code: 'backup.score-off-scale',
        params: { min: 1, max: 5 },
        path: 'touchpoints[12].scores.speed',
      },
      'Nothing was imported. At touchpoints[12].scores.speed: expected an integer 1–5 or "NA"',
    ],
    [
      'a refusal of the whole file',
      { code: 'backup.empty' },
      'Nothing was imported. the file is empty',
    ],
    [
      'a database a newer version took over (not the file’s fault)',
      { code: 'app-updated' },
      'Touchpoint Auditor was updated. Reload this page to go on; nothing you saved is lost.',
    ],
    [
      'an unexpected failure',
      { code: 'unexpected', params: { detail: 'QuotaExceededError: full' } },
      'Something went wrong: QuotaExceededError: full',
    ],
  ])('%s', async (_name, problem, text) => {
    expect(await importGiving(refused(problem))).toBe(text);
  });

  it('lists what it repaired after the counts', async () => {
    const note: Problem = {
      code: 'backup.hash-recomputed',
      params: { declared: 'ffffffffffff…', actual: '0123456789ab…' },
      path: 'evidence[0].sha256',
    };
    const byTable = {} as ImportSummary['byTable'];
    expect(
      await importGiving({ ok: true, value: { summary, byTable, notes: [note], leftOut: [] } }),
    ).toBe(
      'Backup imported: 1 added, 0 updated, 0 unchanged, 0 removed. Repaired at ' +
        "evidence[0].sha256: the file's hash ffffffffffff… does not match its image " +
        '(0123456789ab…); recomputed.',
    );
  });

  it('lists the attachments left out because they are no images', async () => {
    const byTable = {} as ImportSummary['byTable'];
    const leftOut: Problem[] = [4, 7, 9].map((k) => ({
      code: 'backup.attachment-left-out',
      params: { type: 'PDF' },
      path: `touchpoints[${k}]`,
    }));
    expect(await importGiving({ ok: true, value: { summary, byTable, notes: [], leftOut } })).toBe(
      'Backup imported: 1 added, 0 updated, 0 unchanged, 0 removed. 3 attachments that are ' +
        'not images were left out: touchpoints[4]: a PDF attachment, touchpoints[7]: a PDF ' +
        'attachment, touchpoints[9]: a PDF attachment.',
    );
  });
});

describe('FilesBar writes CSV in the dialect of the language, or the one the user chose', () => {
  const study = { id: 'study-1', name: 'Winter' } as Study;
  const delimiter = () => (screen.getByTestId('report-csv-delimiter') as HTMLSelectElement).value;

  it('shows a Latvian user the semicolon from the first frame, before settings are read', () => {
    setLanguage('lv', {});
    render(<FilesBar study={study} onImported={() => {}} />);
    expect(delimiter()).toBe(';');
  });

  it('takes the stored choice over the language once read', async () => {
    await setSetting(getDb(), 'csvDelimiter', ',');
    setLanguage('lv', {});
    render(<FilesBar study={study} onImported={() => {}} />);
    await waitFor(() => expect(delimiter()).toBe(','));
  });

  it('writes an export clicked before the settings were read with the stored choice', async () => {
    await setSetting(getDb(), 'csvDelimiter', ';');
    render(<FilesBar study={study} onImported={() => {}} />);
    fireEvent.click(screen.getByTestId('report-export-touchpoints'));
    await waitFor(() => expect(exportedWith).toEqual([';']));
  });

  it('keeps what the user picked before the stored choice arrived', async () => {
    await setSetting(getDb(), 'csvDelimiter', ',');
    setLanguage('lv', {});
    render(<FilesBar study={study} onImported={() => {}} />);
    fireEvent.change(screen.getByTestId('report-csv-delimiter'), { target: { value: ';' } });
    fireEvent.click(screen.getByTestId('report-export-touchpoints'));
    await waitFor(() => expect(exportedWith).toEqual([';']));
    // Long enough for the stored choice to have been read and (wrongly) applied.
    await new Promise((r) => setTimeout(r, 100));
    expect(delimiter()).toBe(';');
  });
});
