import { useEvidenceUrl } from '@/hooks/use-evidence-url';
import { t } from '@/lib/i18n';
import type { Evidence } from '@/lib/model';

/** A screenshot in an opened "where we trail" row; its object URL is revoked when it closes. */
export function EvidenceImage({ evidence }: { evidence: Evidence }) {
  // Only JPEG, PNG and WebP, and only in this <img>: the blob is never a page of its own.
  const url = useEvidenceUrl(evidence);
  if (!url) return null;
  return (
    <img
      class="evidence"
      src={url}
      width={evidence.width || undefined}
      height={evidence.height || undefined}
      alt={t('report.trail.evidenceAlt', { width: evidence.width, height: evidence.height })}
      data-testid="report-evidence"
    />
  );
}
