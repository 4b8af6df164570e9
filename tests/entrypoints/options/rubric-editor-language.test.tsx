import { screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../lib/i18n';
import { speak } from '../../../lib/i18n/load';
import { open, useFreshDb } from './rubrics-harness';

useFreshDb();
afterEach(() => setLanguage('en', {}));

describe('the rubric editor in another language', () => {
  it('heads the default rubric with the name the list beside it gives it', async () => {
    await speak('ru');
    await open();
    const heading = screen
      .getAllByRole('heading', { level: 3 })
      .find((h) => h.textContent?.startsWith('Редактирование'));
    expect(heading?.textContent).toBe(
      'Редактирование: «Стандартный оценочный лист точек контакта» v1',
    );
  });
});
