import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StudyList } from '../../../entrypoints/options/StudyList';
import { setLanguage } from '../../../lib/i18n';
import { speak } from '../../../lib/i18n/load';
import type { Rubric, Study } from '../../../lib/model';
import { makeDefaultRubric } from '../../../lib/rubric';

afterEach(() => {
  cleanup();
  setLanguage('en', {});
});

const at = '2026-11-22T10:00:00.000Z';
const study = (id: string, rubricId: string): Study => ({
  id,
  name: `Study ${id}`,
  wave: '2026-Q4',
  waves: ['2026-Q4'],
  requireReview: false,
  rubricId,
  rubricVersion: 1,
  brandIds: [],
  createdAt: at,
  updatedAt: at,
});
const own: Rubric = { ...makeDefaultRubric(at), id: 'r-chat', name: 'Live chat deep dive' };

function renderList() {
  render(
    <StudyList
      studies={[study('a', 'default'), study('b', 'r-chat')]}
      brands={[]}
      rubrics={[makeDefaultRubric(at), own]}
      onEdit={() => {}}
      onOpenWave={async () => ({ ok: false, error: { code: 'unused' } }) as never}
      onRequireReview={async () => {}}
    />,
  );
  return screen.getAllByTestId('study-row').map((row) => row.textContent ?? '');
}

describe('StudyList', () => {
  it('names each study’s pinned rubric, not its id', () => {
    const [a, b] = renderList();
    expect(a).toContain('rubric “Default touchpoint rubric” v1');
    expect(b).toContain('rubric “Live chat deep dive” v1');
  });

  it('names the default rubric in the reader’s language, and a lead’s rubric as they wrote it', async () => {
    await speak('ru');
    const [a, b] = renderList();
    expect(a).toContain('оценочный лист «Стандартный оценочный лист точек контакта» v1');
    expect(a).not.toContain('default');
    expect(b).toContain('«Live chat deep dive»');
  });
});

describe('opening the next wave from the keyboard', () => {
  it('takes the focus into the form, then back to its button once the wave is open', async () => {
    const opened: string[] = [];
    render(
      <StudyList
        studies={[study('a', 'default')]}
        brands={[]}
        rubrics={[makeDefaultRubric(at)]}
        onEdit={() => {}}
        onOpenWave={async (s, label) => {
          opened.push(label);
          return { ok: true, value: s };
        }}
        onRequireReview={async () => {}}
      />,
    );
    const button = screen.getByTestId('study-next-wave');
    button.focus();
    fireEvent.click(button);
    const label = (await screen.findByTestId('next-wave-label')) as HTMLInputElement;
    expect(document.activeElement).toBe(label);
    expect(label.value).toBe('2027-Q1');
    fireEvent.submit(screen.getByTestId('next-wave-form'));
    await waitFor(() => expect(screen.queryByTestId('next-wave-form')).toBeNull());
    expect(opened).toEqual(['2027-Q1']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('study-next-wave')));
  });
});
