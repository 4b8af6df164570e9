import { useEffect, useState } from 'preact/hooks';

/** Props of a number input that keeps what the user typed while it is not yet a number. */
export interface NumberInputProps {
  id: string;
  value: number;
  onValue: (value: number) => void;
  testId: string;
  step?: string;
  disabled?: boolean;
  describedBy?: Record<string, string | boolean | undefined>;
}

/** An empty or unreadable entry is NaN, so validation can point at it. */
const parse = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** Rubrics tab: a weight or scale bound input; reports NaN for an entry that is not a number. */
export function NumberInput({
  id,
  value,
  onValue,
  testId,
  step = 'any',
  disabled,
  describedBy,
}: NumberInputProps) {
  const [text, setText] = useState(Number.isNaN(value) ? '' : String(value));
  // Follow outside changes (a reset, a preset scale) without fighting the user's typing.
  useEffect(() => {
    if (!Object.is(parse(text), value)) setText(Number.isNaN(value) ? '' : String(value));
  }, [value]);
  return (
    <input
      id={id}
      type="number"
      step={step}
      value={text}
      disabled={disabled}
      data-testid={testId}
      {...describedBy}
      onInput={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onValue(parse(next));
      }}
    />
  );
}
