import type { Criterion, Rubric, Scale } from '../model';

/** A criterion whose weight differs between two versions. */
export interface Reweighted {
  id: string;
  label: string;
  from: number;
  to: number;
}

/** A criterion kept (same id) whose other settings changed. */
export interface ChangedCriterion {
  id: string;
  label: string;
  /** Which settings differ. */
  fields: ('label' | 'help' | 'appliesTo' | 'critical')[];
}

/** What moving from one rubric version to another changes. */
export interface RubricDiff {
  /** Criteria only the newer version has. */
  added: Criterion[];
  /** Criteria only the older version has: their scores stop counting. */
  removed: Criterion[];
  reweighted: Reweighted[];
  changed: ChangedCriterion[];
  /** The scale, when it changed. */
  scale: { from: Scale; to: Scale } | null;
}

const sameAppliesTo = (a: Criterion['appliesTo'], b: Criterion['appliesTo']): boolean =>
  a === 'all' || b === 'all' ? a === b : a.length === b.length && a.every((id) => b.includes(id));

/** Criteria are matched by id; order changes alone are not reported. */
export function diffRubrics(from: Rubric, to: Rubric): RubricDiff {
  const before = new Map(from.criteria.map((c) => [c.id, c]));
  const after = new Map(to.criteria.map((c) => [c.id, c]));
  const reweighted: Reweighted[] = [];
  const changed: ChangedCriterion[] = [];
  for (const next of to.criteria) {
    const prev = before.get(next.id);
    if (!prev) continue;
    if (prev.weight !== next.weight) {
      reweighted.push({ id: next.id, label: next.label, from: prev.weight, to: next.weight });
    }
    const fields: ChangedCriterion['fields'] = [];
    if (prev.label !== next.label) fields.push('label');
    if (prev.help !== next.help) fields.push('help');
    if (!sameAppliesTo(prev.appliesTo, next.appliesTo)) fields.push('appliesTo');
    if (prev.critical !== next.critical) fields.push('critical');
    if (fields.length > 0) changed.push({ id: next.id, label: next.label, fields });
  }
  const scaleChanged = from.scale.min !== to.scale.min || from.scale.max !== to.scale.max;
  return {
    added: to.criteria.filter((c) => !before.has(c.id)),
    removed: from.criteria.filter((c) => !after.has(c.id)),
    reweighted,
    changed,
    scale: scaleChanged ? { from: from.scale, to: to.scale } : null,
  };
}

/** Whether a diff changes nothing that scoring or the shopper sees. */
export function isEmptyDiff(diff: RubricDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.reweighted.length === 0 &&
    diff.changed.length === 0 &&
    diff.scale === null
  );
}
