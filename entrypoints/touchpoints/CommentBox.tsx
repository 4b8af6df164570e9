import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useLiveQuery } from '@/hooks/use-live-query';
import { addTouchpointComment, getDb, getSetting, setSetting } from '@/lib/db';
import { t } from '@/lib/i18n';

/** Props of {@link CommentBox}. */
export interface CommentBoxProps {
  touchpointId: string;
  /** The lead's name, written on the comment. */
  by: string;
  disabled: boolean;
  /** The text area, so the page's `c` key can focus it. */
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** A comment typed here earlier and not added, kept while the lead looked at another. */
  kept?: string | undefined;
  /** Hears every change of the comment, and null once it is added or emptied. */
  onEdit?: (text: string | null) => void;
}

/**
 * Touchpoints page, review queue: the lead's comment on the shown touchpoint (Enter adds it,
 * Shift+Enter makes a new line), and the library of reusable comments kept in the settings.
 */
export function CommentBox({
  touchpointId,
  by,
  disabled,
  inputRef,
  kept,
  onEdit = () => undefined,
}: CommentBoxProps) {
  const db = getDb();
  const library = useLiveQuery(() => getSetting(db, 'commentLibrary'), []) ?? [];
  const [text, setTextHere] = useState(kept ?? '');
  const setText = (next: string) => {
    setTextHere(next);
    onEdit(next.trim() ? next : null);
  };
  const [picked, setPicked] = useState('');
  const { busy, failure, run } = useAction();
  const add = () => {
    const trimmed = text.trim();
    if (!trimmed || disabled) return;
    void run(async () => {
      await addTouchpointComment(db, touchpointId, { by, text: trimmed }, new Date());
      setText('');
    });
  };
  const keep = (next: string[]) => run(() => setSetting(db, 'commentLibrary', next));
  const chosen = library.includes(picked) ? picked : (library[0] ?? '');

  return (
    <div class="comment-box">
      <label class="block">
        {t('review.comment.label')}
        <textarea
          ref={inputRef}
          data-testid="review-comment"
          rows={3}
          value={text}
          disabled={disabled}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              add();
            }
          }}
        />
      </label>
      <div class="actions">
        <button
          data-testid="review-comment-add"
          disabled={disabled || busy || !text.trim()}
          onClick={add}
        >
          {t('review.comment.add')}
        </button>
        <button
          data-testid="review-library-save"
          disabled={busy || !text.trim() || library.includes(text.trim())}
          onClick={() => void keep([...library, text.trim()])}
        >
          {t('review.library.save')}
        </button>
      </div>
      {library.length > 0 && (
        <fieldset class="library">
          <legend>{t('review.library')}</legend>
          <label>
            {t('review.library.pick')}{' '}
            <select
              data-testid="review-library"
              value={chosen}
              onChange={(e) => setPicked(e.currentTarget.value)}
            >
              {library.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            data-testid="review-library-insert"
            disabled={disabled}
            onClick={() => {
              setText(text.trim() ? `${text.trimEnd()} ${chosen}` : chosen);
              inputRef.current?.focus();
            }}
          >
            {t('review.library.insert')}
          </button>{' '}
          <button
            data-testid="review-library-remove"
            disabled={busy}
            onClick={() => void keep(library.filter((c) => c !== chosen))}
          >
            {t('review.library.remove')}
          </button>
        </fieldset>
      )}
      <FailureAlert failure={failure} testId="review-comment-failed" />
    </div>
  );
}
