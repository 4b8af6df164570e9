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
