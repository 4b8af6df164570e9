import { describe, expect, it } from 'vitest';
import { hasCardFields } from '@/lib/tagger/card-fields';

describe('hasCardFields', () => {
  it('sees card fields in the element’s form, and not elsewhere', () => {
    document.body.replaceChildren();
    const form = document.createElement('form');
    const card = document.createElement('input');
    card.setAttribute('autocomplete', 'cc-number');
    const button = document.createElement('button');
    form.append(card, button);
    const other = document.createElement('p');
    document.body.append(form, other);
    expect(hasCardFields(button)).toBe(true);
    expect(hasCardFields(form)).toBe(true);
    expect(hasCardFields(other)).toBe(false);
  });
});
