import { useEvidenceUrl } from '@/hooks/use-evidence-url';
import { downloadBlob } from '@/lib/util/download';
import { evidenceDownloadBlob, evidenceFileName, isImageMime } from '@/lib/export/evidence-file';
import { t } from '@/lib/i18n';
import type { Evidence, Touchpoint } from '@/lib/model';

/** Props of {@link EvidenceView}. */
export interface EvidenceViewProps {
  evidence: Evidence;
}

/**
 * Touchpoints page, in a touchpoint's detail: one piece of evidence at full size, when it was
 * taken if the touchpoint has one from the pick and one from Save, and a button that saves it. Its blob URL only ever feeds the `<img>`: it is never opened as a page (an
 * SVG or HTML file there would run with the extension's rights), and a file that is not a
 * JPEG, PNG or WebP image is not shown at all, only saved as opaque bytes under a safe name.
 */
export function EvidenceView({ evidence }: EvidenceViewProps) {
  const image = isImageMime(evidence.mime);
  const url = useEvidenceUrl(evidence);
  const save = () => downloadBlob(evidenceDownloadBlob(evidence), evidenceFileName(evidence));
  return (
    <figure class="evidence" data-moment={evidence.moment}>
      {image && url && (
        <img
          data-testid="touchpoint-evidence"
          src={url}
          width={evidence.width || undefined}
          height={evidence.height || undefined}
          alt=""
        />
      )}
      <figcaption class="muted small">
        {evidence.moment && (
          <strong data-testid="touchpoint-evidence-moment">
            {t(evidence.moment === 'pick' ? 'touchpoints.atPick' : 'touchpoints.atSave')}
          </strong>
        )}{' '}
        {!image && t('touchpoints.evidenceFile', { mime: evidence.mime })}{' '}
        <button type="button" data-testid="touchpoint-evidence-download" onClick={save}>
          {t('touchpoints.evidenceSave')}
        </button>{' '}
        {/* The start of the image's fingerprint, as touchpoints.csv's evidence_sha256 has it. */}
        <span title={evidence.sha256}>
          {t('touchpoints.evidenceHash', { hash: evidence.sha256.slice(0, 16) })}
        </span>
      </figcaption>
    </figure>
  );
}

/**
 * A touchpoint's evidence in its detail and in the review queue: the "changed after you picked
 * it" notice when the page changed the element before Save, each image, or a line saying there
 * is none.
 */
export function EvidenceList({
  touchpoint,
  evidence,
}: {
  touchpoint: Pick<Touchpoint, 'changedAfterPick'>;
  evidence: Evidence[] | undefined;
}) {
  return (
    <>
      {touchpoint.changedAfterPick && (
        <p class="notice" data-testid="touchpoint-changed-after-pick">
          {t('touchpoints.changedAfterPick')}
        </p>
      )}
      {evidence?.map((e) => (
        <EvidenceView key={e.id} evidence={e} />
      ))}
      {evidence?.length === 0 && <p class="muted small">{t('touchpoints.noEvidence')}</p>}
    </>
  );
}
