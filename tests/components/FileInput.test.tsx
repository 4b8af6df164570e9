import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileInput } from '../../components/FileInput';
import { setLanguage } from '../../lib/i18n';
import { speak } from '../../lib/i18n/load';

afterEach(() => {
  cleanup();
  setLanguage('en', {});
});

describe('FileInput', () => {
  it('speaks the extension’s language, not the browser’s, and names the file chosen', async () => {
    await speak('ru');
    const onChange = vi.fn();
    render(<FileInput label="Резервная копия" testId="f" accept=".json" onChange={onChange} />);
    const field = screen.getByTestId('f').closest('.file-field')!;
    expect(field.textContent).toBe('Резервная копияВыбрать файл…Файл не выбран');
    // The input keeps its name from the field's label.
    expect(screen.getByLabelText('Резервная копия')).toBe(screen.getByTestId('f'));
    const file = new File(['{}'], 'wave-2.json', { type: 'application/json' });
    Object.defineProperty(screen.getByTestId('f'), 'files', { value: [file] });
    fireEvent.change(screen.getByTestId('f'));
    expect(onChange).toHaveBeenCalledWith(screen.getByTestId('f'));
    expect(screen.getByTestId('f-name').textContent).toBe('wave-2.json');
  });

  it('names a file kept from before until another is chosen', () => {
    render(
      <FileInput
        label="Photo"
        testId="p"
        accept="image/png"
        kept="parcel.png"
        onChange={() => {}}
      />,
    );
    expect(screen.getByTestId('p-name').textContent).toBe('parcel.png');
    cleanup();
    render(<FileInput label="Photo" testId="p" accept="image/png" kept="" onChange={() => {}} />);
    expect(screen.getByTestId('p-name').textContent).toBe('No file chosen');
  });
});
