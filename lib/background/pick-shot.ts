import { MIN_CAPTURE_INTERVAL_MS, regionChanged, type EvidenceImage } from '../capture';
import type { AuditorDb, NewEvidence, PickShot } from '../db';
import type { SensitiveKind } from '../model';
import { coveredOf, type Covered } from '../capture/redact/summary';

const sameKinds = (a: readonly SensitiveKind[], b: readonly SensitiveKind[]) =>
  a.length === b.length && a.every((k) => b.includes(k));

/** The capture taken as the shopper picked the element, as the draft keeps it. */
export function toPickShot(
  image: EvidenceImage & Covered,
  touchpointId: string,
  masked: boolean,
  capturedAt: Date,
  uncovered: readonly SensitiveKind[] = [],
): PickShot {
  const { blob, mime, width, height, sha256, sample } = image;
  return {
    ...coveredOf(image),
    ...(uncovered.length > 0 && { uncovered: [...uncovered] }),
    touchpointId,
    blob,
    mime,
    width,
    height,
    sha256,
    sample: sample ?? null,
    masked,
    capturedAt: capturedAt.toISOString(),
  };
}

/**
 * Keeps `shot` with the tab's draft, in one transaction with reading it, and only while the
 * draft is still the one of that pick (the shopper may have picked again or saved meanwhile).
 */
export async function keepPickShot(db: AuditorDb, draftKey: string, shot: PickShot) {
  await db.transaction('rw', db.drafts, async () => {
    const draft = await db.drafts.get(draftKey);
    if (draft?.touchpointId === shot.touchpointId)
      await db.drafts.put({ ...draft, pickShot: shot });
  });
}

/**
 * Whether Save may take the pick's capture as its own instead of shooting again: it is less
 * than the capture quota's interval old (a new shot would wait for the quota) and masked the
 * same way, the same kinds of personal data uncovered, and no frame of the page covered whole
 * (a frame that was slow at the pick may have answered since).
 */
export function reusablePick(
  pick: PickShot | undefined,
  masked: boolean,
  now: Date,
  uncovered: readonly SensitiveKind[] = [],
): boolean {
  return (
    !!pick &&
    !pick.coveredFrames &&
    pick.masked === masked &&
    sameKinds(pick.uncovered ?? [], uncovered) &&
    now.getTime() - Date.parse(pick.capturedAt) < MIN_CAPTURE_INTERVAL_MS
  );
}

/** What Save stores: its evidence, and the pick's as well when the element changed since. */
export interface EvidenceAtSave {
  evidence: NewEvidence | null;
  pickEvidence?: NewEvidence;
  changedAfterPick: boolean;
}

const asEvidence = (
  { blob, mime, width, height, sha256 }: EvidenceImage | PickShot,
  url: string | null,
): NewEvidence => ({ blob, mime, width, height, sha256, url });

/**
 * The evidence of a Save given the capture kept at the pick (`pick`, if any), the one taken at
 * Save (`image`, null when none could be taken) and whether it `reused` the pick's. The element's
 * box in both is compared (`regionChanged`) when both were masked alike (fields, and the same kinds
 * of personal data uncovered) and the pick covered no frame whole (the frame's cover gone at
 * Save would read as a change of the element): if it differs, both
 * images are kept, marked `pick` and `save`, and the touchpoint is flagged.
 */
export function evidenceAtSave(
  pick: PickShot | undefined,
  image: EvidenceImage | null,
  opts: {
    masked: boolean;
    reused: boolean;
    url: string | null;
    uncovered?: readonly SensitiveKind[];
  },
): EvidenceAtSave {
  if (opts.reused && pick)
    return {
      evidence: { ...asEvidence(pick, opts.url), capturedAt: pick.capturedAt },
      changedAfterPick: false,
    };
  if (!image) return { evidence: null, changedAfterPick: false };
  const changed =
    !!pick?.sample &&
    !!image.sample &&
    !pick.coveredFrames &&
    pick.masked === opts.masked &&
    sameKinds(pick.uncovered ?? [], opts.uncovered ?? []) &&
    regionChanged(pick.sample, image.sample);
  if (!pick || !changed) return { evidence: asEvidence(image, opts.url), changedAfterPick: false };
  return {
    evidence: { ...asEvidence(image, opts.url), moment: 'save' },
    pickEvidence: { ...asEvidence(pick, opts.url), capturedAt: pick.capturedAt, moment: 'pick' },
    changedAfterPick: true,
  };
}
