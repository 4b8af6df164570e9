import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Redactions } from '../../../entrypoints/tagger-ui/Redactions';
import { setLanguage } from '../../../lib/i18n';
import { catalogueOf } from '../../../lib/i18n/all-catalogues';
import type { TouchpointForm } from '../../../lib/messaging/protocol';

const form: TouchpointForm = {
  category: 'checkout',
  stage: 'purchase',
  channel: 'web',
  scores: {},
  notes: '',
  includeFieldValues: false,
};

afterEach(() => {
  cleanup();
  setLanguage('en', catalogueOf('en'));
});

describe('what the screenshot covered, in the panel', () => {
  it('lists frames covered whole on a line of their own, with no button to uncover them', () => {
    setLanguage('en', catalogueOf('en'));
    render(
      <Redactions
        list={[{ kind: 'email', count: 2 }]}
        frames={1}
        form={form}
        onChange={() => undefined}
      />,
    );
    const line = screen.getByTestId('tagger-redact-frames');
    expect(line.textContent).toBe(
      '1 embedded frame that did not answer in time · ' +
        'Save takes a new screenshot, with the frame if it answers by then.',
    );
    expect(line.querySelector('button')).toBeNull();
    // The personal data found keeps its own line and button.
    expect(screen.getByTestId('tagger-uncover-email')).toBeTruthy();
  });

  it('says it in the shopper’s language, with its plural', () => {
    setLanguage('ru', catalogueOf('ru'));
    render(<Redactions list={[]} frames={3} form={form} onChange={() => undefined} />);
    expect(screen.getByTestId('tagger-redact-frames').textContent).toContain(
      '3 встроенных фрейма, не ответивших вовремя',
    );
  });

  it('has no frames line when every frame answered', () => {
    render(
      <Redactions
        list={[{ kind: 'card', count: 1 }]}
        frames={0}
        form={form}
        onChange={() => undefined}
      />,
    );
    expect(screen.queryByTestId('tagger-redact-frames')).toBeNull();
  });
});
