import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** Props of {@link UndoBar}. */
export interface UndoBarProps {
  onUndo: () => void;
  onDismiss: () => void;
}

/** Touchpoints page: "Touchpoint deleted. Undo", shown for a while after a deletion. */
export function UndoBar({ onUndo, onDismiss }: UndoBarProps) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, 15_000);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div class="undo" role="status" data-testid="touchpoints-undo-bar">
      {t('touchpoints.deleted')}{' '}
      <button data-testid="touchpoints-undo" onClick={onUndo}>
        {t('touchpoints.undo')}
      </button>
    </div>
  );
}
