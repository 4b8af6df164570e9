import { cleanup, render, screen } from '@testing-library/preact';
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
