import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** Props of {@link FileInput}. */
export interface FileInputProps {
  /** What the file is for: the field's label. */
  label: string;
  testId: string;
  accept: string;
  disabled?: boolean;
  /** Ids of what describes the field (its errors). */
  describedBy?: string;
  /** The file kept for this field elsewhere (shown while the input itself holds none). */
  kept?: string | null;
  onChange: (input: HTMLInputElement) => void;
}

/**
 * A file field in the extension's language. The browser's own control says "Choose File" and
 * "No file chosen" in the browser's language, whatever language the shopper chose here; so the
 * input stays in the page (the keyboard, screen readers and drops reach it) but out of sight,
 * and a button-like label in the chosen language opens it, the chosen file's name beside it.
 */
export function FileInput({
  label,
  testId,
  accept,
  disabled,
  describedBy,
  kept,
  onChange,
}: FileInputProps) {
  const labelId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div class="file-field">
      <span id={labelId}>{label}</span>
      <span class="file-row">
        <label class={disabled ? 'file-button disabled' : 'file-button'}>
          <input
            type="file"
            class="file-input-hidden"
            accept={accept}
            disabled={disabled}
            aria-labelledby={labelId}
            aria-describedby={describedBy}
            data-testid={testId}
            onChange={(e) => {
              const input = e.currentTarget;
              setChosen(input.files?.[0]?.name ?? null);
              onChange(input);
            }}
          />
          {t('file.choose')}
        </label>
        <span class="file-name" data-testid={`${testId}-name`}>
          {chosen ?? (kept || t('file.none'))}
        </span>
      </span>
    </div>
  );
}
