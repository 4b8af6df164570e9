import type { SensitiveKind } from '../../model';

/** Every kind of personal data the screenshots cover, in the order the panel lists them. */
export const SENSITIVE_KINDS: readonly SensitiveKind[] = [
  'email',
  'phone',
  'card',
  'iban',
  'order',
];

/** A piece of personal data in a text: its kind and where it is (UTF-16 offsets, end excluded). */
export interface SensitiveMatch {
  kind: SensitiveKind;
  start: number;
  end: number;
}

/** How many pieces of one kind a frame showed inside the captured area. */
export interface KindCount {
  kind: SensitiveKind;
  count: number;
}
