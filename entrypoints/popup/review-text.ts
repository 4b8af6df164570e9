import { categoryLabel, describeProblem, t } from '@/lib/i18n';
import type { Touchpoint } from '@/lib/model';
import type { Problem } from '@/lib/result';

/** How a touchpoint is named to the shopper: its category and its notes or tagged text. */
export function touchpointName(tp: Touchpoint | undefined, fallback: string): string {
  if (!tp) return categoryLabel(fallback);
  const full = (tp.notes.trim() || tp.anchor?.text.trim() || tp.pageTitle || '').replace(
    /\s+/g,
    ' ',
  );
  const text = full.length > 60 ? `${full.slice(0, 59).trimEnd()}…` : full;
  const category = categoryLabel(tp.category);
  return text ? t('popup.review.touchpointName', { category, text }) : category;
}

/** A check's problem in words, naming its touchpoint (the problem's `path`) in full. */
export function describeCheck(problem: Problem, touchpoints: readonly Touchpoint[]): string {
  const tp = touchpoints.find((x) => x.id === problem.path);
  const label = touchpointName(tp, String(problem.params?.label ?? ''));
  return describeProblem({ ...problem, params: { ...problem.params, label } });
}
