import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../../lib/i18n';
import { validateCustomCategory, type CustomCategoryInput } from '../../../lib/rubric';

const ok: CustomCategoryInput = {
  id: 'gift_wrapping',
  label: 'Gift wrapping',
  defaultStage: 'post_purchase',
};
const existing = [{ id: 'cart' }, { id: 'trade_in' }];

describe('validateCustomCategory', () => {
  it.each([
    ['a plain id', ok],
    ['digits', { ...ok, id: 'step_2' }],
    ['a 64-character id', { ...ok, id: 'a'.repeat(64) }],
  ])('accepts %s', (_name, input) => {
    expect(validateCustomCategory(input, existing)).toEqual([]);
  });

  it.each<[string, CustomCategoryInput, string, string]>([
    ['an empty id', { ...ok, id: '' }, 'id', 'category-empty-id'],
    ['upper case', { ...ok, id: 'Gift' }, 'id', 'category-bad-id'],
    ['a hyphen', { ...ok, id: 'gift-wrap' }, 'id', 'category-bad-id'],
    ['a space', { ...ok, id: 'gift wrap' }, 'id', 'category-bad-id'],
    ['a 65-character id', { ...ok, id: 'a'.repeat(65) }, 'id', 'category-id-too-long'],
    ['a seeded id', { ...ok, id: 'live_chat' }, 'id', 'category-seeded-id'],
    ['a seeded id even if not stored', { ...ok, id: 'other' }, 'id', 'category-seeded-id'],
    ['an existing custom id', { ...ok, id: 'trade_in' }, 'id', 'category-duplicate-id'],
    ['an empty label', { ...ok, label: '  ' }, 'label', 'category-empty-label'],
    [
      'an unknown stage',
      { ...ok, defaultStage: 'nirvana' as never },
      'defaultStage',
      'category-bad-stage',
    ],
  ])('refuses %s', (_name, input, path, code) => {
    const issues = validateCustomCategory(input, existing);
    expect(issues.map((i) => [i.path, i.code])).toEqual([[path, code]]);
    expect(describeProblem(issues[0]!)).not.toMatch(/^category\.|^problem\.|went wrong/);
  });
});
