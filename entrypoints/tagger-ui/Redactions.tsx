import { t } from '@/lib/i18n/core';
import type { TouchpointForm } from '@/lib/messaging/protocol';
import type { Redaction, SensitiveKind } from '@/lib/model';

/**
 * What the last screenshot covered of the page's personal data (docs/REDACTION.md), one line
 * per kind with a button to uncover that kind in this touchpoint's next capture (retake or
 * Save), or to cover it again. The choice is part of the form, so the draft keeps it. Frames
 * of the page covered whole because they did not answer in time get a line of their own, with
 * no button: nothing of them can be shown, but Save shoots again.
 */
export function Redactions({
  list,
  frames,
  form,
  onChange,
}: {
  list: readonly Redaction[];
  /** Frames covered whole (0: none). */
  frames: number;
  form: TouchpointForm;
  onChange: (next: TouchpointForm) => void;
}) {
  const uncovered = form.uncovered ?? [];
  const toggle = (kind: SensitiveKind) => {
    const next = uncovered.includes(kind)
      ? uncovered.filter((k) => k !== kind)
      : [...uncovered, kind];
    const { uncovered: _was, ...rest } = form;
    onChange(next.length ? { ...rest, uncovered: next } : rest);
  };
  return (
    <section class="redact" data-testid="tagger-redactions" aria-labelledby="redact-heading">
      <h2 id="redact-heading">{t('tagger.redact.heading')}</h2>
      <p class="muted">{t('tagger.redact.note')}</p>
      <ul>
        {list.map(({ kind, count, uncovered: shown }) => {
          const off = uncovered.includes(kind);
          return (
            <li key={kind} data-testid={`tagger-redact-${kind}`}>
              <span id={`redact-${kind}`}>
                {t(`tagger.redact.${kind}`, { count })}
                {shown && <span class="muted"> · {t('tagger.redact.uncovered')}</span>}
              </span>
              <button
                type="button"
                aria-pressed={off}
                aria-describedby={`redact-${kind}`}
                data-testid={`tagger-uncover-${kind}`}
                onClick={() => toggle(kind)}
              >
                {t(off ? 'tagger.redact.cover' : 'tagger.redact.uncover')}
              </button>
            </li>
          );
        })}
        {frames > 0 && (
          <li data-testid="tagger-redact-frames">
            <span>
              {t('tagger.redact.frames', { count: frames })}
              <span class="muted"> · {t('tagger.redact.framesNote')}</span>
            </span>
          </li>
        )}
      </ul>
    </section>
  );
}
