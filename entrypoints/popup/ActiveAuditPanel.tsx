import { useEffect, useState } from 'preact/hooks';
import type { ActiveAuditView } from '@/lib/audit';
import { categoryLabel, t } from '@/lib/i18n';

/** Props of {@link ActiveAuditPanel}. */
export interface ActiveAuditPanelProps {
  view: ActiveAuditView;
  /** A sentence to show under the buttons (a page that cannot be tagged…). */
  notice?: string;
  onTag: () => void;
  onAddManual: () => void;
  onEnd: () => void;
  onExport: () => void;
  onOpenReport: () => void;
  onOpenTouchpoints: () => void;
}

/** Whole minutes from an ISO time to now. */
function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** Popup: the running audit — who, what, how long, what was tagged — and its actions. */
export function ActiveAuditPanel({
  view,
  notice,
  onTag,
  onAddManual,
  onEnd,
  onExport,
  onOpenReport,
  onOpenTouchpoints,
}: ActiveAuditPanelProps) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const { audit, study, brand, stats } = view;
  const counts = Object.entries(stats.byCategory).sort((a, b) => b[1] - a[1]);

  return (
    <section class="stack" data-testid="popup-active-audit">
      <h2 data-testid="popup-audit-title">
        {t('popup.activeAudit', { brand: brand?.name ?? '?', study: study?.name ?? '?' })}
      </h2>
      {audit.scenario && <p class="muted">{t('popup.scenario', { scenario: audit.scenario })}</p>}
      <p class="muted">{t('popup.shopper', { shopper: audit.shopper })}</p>
      <p class="muted" data-testid="popup-elapsed">
        {t('popup.elapsed', { minutes: minutesSince(audit.startedAt, now) })}
      </p>
      <p data-testid="popup-tagged-total">{t('popup.tagged', { count: stats.total })}</p>
      {view.unsaved.length > 0 && (
        <p class="notice" role="status" data-testid="popup-unsaved-tags">
          {t('popup.unsavedTags', {
            count: view.unsaved.length,
            pages: view.unsaved.map((u) => u.pageTitle).join(', '),
          })}
        </p>
      )}
      {counts.length > 0 ? (
        <ul class="counts" data-testid="popup-counts" aria-label={t('popup.byCategory')}>
          {counts.map(([id, n]) => (
            <li key={id}>
              <span>{categoryLabel(id)}</span> <strong>{n}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('popup.noneTagged')}</p>
      )}
      <div class="buttons">
        <button class="primary" data-testid="popup-tag" onClick={onTag}>
          {t('popup.tag')}
        </button>
        <button data-testid="popup-add-manual" onClick={onAddManual}>
          {t('popup.addManual')}
        </button>
      </div>
      {notice && (
        <p class="field-error" role="alert" data-testid="popup-notice">
          {notice}
        </p>
      )}
      <div class="buttons">
        <button data-testid="popup-export-csv" onClick={onExport} disabled={!study}>
          {t('popup.exportCsv')}
        </button>
        <button data-testid="popup-open-report" onClick={onOpenReport} disabled={!study}>
          {t('popup.openReport')}
        </button>
        <button data-testid="popup-open-touchpoints" onClick={onOpenTouchpoints} disabled={!study}>
          {t('popup.openTouchpoints')}
        </button>
        <button data-testid="popup-end-audit" onClick={onEnd}>
          {t('popup.endAudit')}
        </button>
      </div>
    </section>
  );
}
