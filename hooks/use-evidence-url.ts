import { useEffect, useState } from 'preact/hooks';
import { isImageMime } from '@/lib/export/evidence-file';
import type { Evidence } from '@/lib/model';

/**
 * A blob URL of a piece of evidence, for an `<img>` only (never opened as a page: an SVG or
 * HTML file would run with the extension's rights); undefined unless it is a JPEG, PNG or WebP
 * image. The URL is revoked when the evidence changes or the component goes.
 */
export function useEvidenceUrl(evidence: Evidence): string | undefined {
  const image = isImageMime(evidence.mime);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!image) return undefined;
    const made = URL.createObjectURL(new Blob([evidence.blob], { type: evidence.mime }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [evidence.blob, evidence.mime, image]);
  return image ? url : undefined;
}
