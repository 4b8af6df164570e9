import { useEvidenceUrl } from '@/hooks/use-evidence-url';
import { useLiveQuery } from '@/hooks/use-live-query';
import { getDb, listEvidenceOf } from '@/lib/db';
import type { Evidence } from '@/lib/model';

/** The first screenshot of a touchpoint, small. */
function Thumb({ evidence }: { evidence: Evidence }) {
  const url = useEvidenceUrl(evidence);
  return url ? <img class="thumb" src={url} alt="" data-testid="reaudit-thumb" /> : null;
}

/** Popup, in a re-audit row: the earlier touchpoint's screenshot, or an empty box. */
export function ReauditThumb({ touchpointId }: { touchpointId: string }) {
  const evidence = useLiveQuery(() => listEvidenceOf(getDb(), touchpointId), [touchpointId]);
  const first = evidence?.[0];
  return first ? <Thumb evidence={first} /> : <span class="thumb" aria-hidden="true" />;
}
