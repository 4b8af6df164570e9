import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Evidence } from '@/lib/model';

/** A screenshot in an opened "where we trail" row; its object URL is revoked when it closes. */
export function EvidenceImage({ evidence }: { evidence: Evidence }) {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    const made = URL.createObjectURL(evidence.blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [evidence.blob]);
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
