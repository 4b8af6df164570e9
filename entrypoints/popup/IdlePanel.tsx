import type { StudyChoice } from '@/lib/audit';
import { brandForHost } from '@/lib/studies/hosts';
import { t } from '@/lib/i18n';

/** Props of {@link IdlePanel}. */
export interface IdlePanelProps {
  choices: readonly StudyChoice[];
  /** The current tab's host, to name the brand it belongs to. */
  host: string;
  onStart: () => void;
}

/** Popup, when no audit runs: the way to start one, with the brand of the tab proposed. */
export function IdlePanel({ choices, host, onStart }: IdlePanelProps) {
  if (choices.length === 0) {
    return (
      <section class="stack">
        <p class="muted">{t('popup.noStudy')}</p>
        <a href="/options.html" target="_blank">
          {t('popup.openSettings')}
        </a>
      </section>
    );
  }
  const proposed = host
    ? choices.map((c) => brandForHost(c.brands, host)).find((b) => b)
    : undefined;
  return (
    <section class="stack" data-testid="popup-idle">
      <p class="muted">{t('popup.noAudit')}</p>
      {proposed && <p class="small">{t('popup.start.proposed', { brand: proposed.name })}</p>}
      <button class="primary" data-testid="popup-start-audit" onClick={onStart}>
        {t('popup.startAudit')}
      </button>
    </section>
  );
}
