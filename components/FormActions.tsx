/** A form's submit and cancel buttons, as the options page's brand and study forms and the popup's audit form show them. */
export function FormActions({
  submitTestId,
  submitLabel,
  cancelLabel,
  busy,
  onCancel,
}: {
  submitTestId: string;
  submitLabel: string;
  cancelLabel: string;
  /** Submitting is off while the last submit runs. */
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <div class="actions">
      <button type="submit" class="primary" data-testid={submitTestId} disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
