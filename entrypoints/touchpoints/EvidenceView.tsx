import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Evidence } from '@/lib/model';

/** Props of {@link EvidenceView}. */
export interface EvidenceViewProps {
  evidence: Evidence;
}

/** Touchpoints page, in a touchpoint's detail: one piece of evidence at full size. */
export function EvidenceView({ evidence }: EvidenceViewProps) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const made = URL.createObjectURL(evidence.blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [evidence.blob]);
  if (!url) return null;
  if (evidence.mime.startsWith('image/')) {
    return (
      <figure class="evidence">
        <a href={url} target="_blank" rel="noreferrer">
          <img
            data-testid="touchpoint-evidence"
            src={url}
            width={evidence.width || undefined}
            height={evidence.height || undefined}
            alt=""
          />
        </a>
        <figcaption class="muted small">{evidence.sha256.slice(0, 16)}</figcaption>
      </figure>
    );
  }
  return (
    <a data-testid="touchpoint-evidence" href={url} download={`evidence-${evidence.id}`}>
      {t('touchpoints.evidenceFile', { mime: evidence.mime })}
    </a>
  );
}
