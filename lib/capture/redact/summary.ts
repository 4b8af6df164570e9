import type { Redaction, SensitiveKind } from '../../model';
import { SENSITIVE_KINDS, type KindCount } from './kinds';

/**
 * What a touchpoint records of its screenshot (`Touchpoint.redactions`): the counts every frame
 * reported, added up per kind in the panel's order, each kind the shopper uncovered marked.
 * Undefined when nothing was found, so the touchpoint carries no field.
 */
export function toRedactions(
  frames: readonly (readonly KindCount[])[],
  uncovered: readonly SensitiveKind[] = [],
): Redaction[] | undefined {
  const total = new Map<SensitiveKind, number>();
  for (const counts of frames)
    for (const { kind, count } of counts) total.set(kind, (total.get(kind) ?? 0) + count);
  const list = SENSITIVE_KINDS.filter((kind) => (total.get(kind) ?? 0) > 0).map(
    (kind): Redaction => ({
      kind,
      count: total.get(kind)!,
      ...(uncovered.includes(kind) && { uncovered: true }),
    }),
  );
  return list.length ? list : undefined;
}

/**
 * What a screenshot covered before it was taken: the personal data found, per kind
 * ({@link toRedactions}), and how many frames of the page it covered whole because they did not
 * answer in time. Each is absent when there is none.
 */
export interface Covered {
  redactions?: Redaction[];
  coveredFrames?: number;
}

/** {@link Covered} from what the frames reported for one capture. */
export function toCovered(
  frames: readonly (readonly KindCount[])[],
  coveredFrames: number,
  uncovered: readonly SensitiveKind[] = [],
): Covered {
  return coveredOf({ redactions: toRedactions(frames, uncovered), coveredFrames });
}

/** The {@link Covered} part of `x` (a shot, an answer), with no key for what is not there. */
export function coveredOf({ redactions, coveredFrames }: Covered): Covered {
  return { ...(redactions && { redactions }), ...(!!coveredFrames && { coveredFrames }) };
}
