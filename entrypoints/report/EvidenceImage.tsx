import { useEffect, useState } from 'preact/hooks';
import { isImageMime } from '@/lib/export/evidence-file';
import { t } from '@/lib/i18n';
import type { Evidence } from '@/lib/model';

/** A screenshot in an opened "where we trail" row; its object URL is revoked when it closes. */
export function EvidenceImage({ evidence }: { evidence: Evidence }) {
  const image = isImageMime(evidence.mime);
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    // Only JPEG, PNG and WebP, and only in this <img>: the blob is never a page of its own.
    if (!image) return undefined;
    const made = URL.createObjectURL(new Blob([evidence.blob], { type: evidence.mime }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [evidence.blob, evidence.mime, image]);
  if (!image || !url) return null;
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
