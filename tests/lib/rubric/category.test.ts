import { describe, expect, it } from 'vitest';
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
    ['an empty id', { ...ok, id: '' }, 'id', 'empty-id'],
    ['upper case', { ...ok, id: 'Gift' }, 'id', 'bad-id'],
    ['a hyphen', { ...ok, id: 'gift-wrap' }, 'id', 'bad-id'],
    ['a space', { ...ok, id: 'gift wrap' }, 'id', 'bad-id'],
    ['a 65-character id', { ...ok, id: 'a'.repeat(65) }, 'id', 'id-too-long'],
    ['a seeded id', { ...ok, id: 'live_chat' }, 'id', 'seeded-id'],
    ['a seeded id even if not stored', { ...ok, id: 'other' }, 'id', 'seeded-id'],
    ['an existing custom id', { ...ok, id: 'trade_in' }, 'id', 'duplicate-id'],
    ['an empty label', { ...ok, label: '  ' }, 'label', 'empty-label'],
    ['an unknown stage', { ...ok, defaultStage: 'nirvana' as never }, 'defaultStage', 'bad-stage'],
  ])('refuses %s', (_name, input, path, code) => {
    const issues = validateCustomCategory(input, existing);
    expect(issues.map((i) => [i.path, i.code])).toEqual([[path, code]]);
    expect(issues[0]?.message).not.toBe('');
  });
});
