import { enPages } from '../i18n/en-pages';
import type { Criterion, Rubric } from '../model';

/** The default rubric's criteria, in order (ids are stable and appear in files: docs/FILES.md). */
export const DEFAULT_CRITERIA = [
  'speed',
  'clarity',
  'effort',
  'empathy',
  'personalisation',
  'trust',
  'consistency',
  'resolution',
] as const;
type DefaultCriterion = (typeof DEFAULT_CRITERIA)[number];

const criterion = (id: DefaultCriterion): Criterion => ({
  id,
  label: enPages[`rubric.default.${id}.label`],
  help: enPages[`rubric.default.${id}.help`],
  weight: 1,
  appliesTo: 'all',
  critical: false,
});

/**
 * The seeded rubric: id `default`, version 1, scale 1–5, every criterion weight 1,
 * none critical, all apply to every category. Its texts are stored data (a lead may edit
 * them), so they are stored in English; `localizeRubric` shows them in the reader's language
 * while they are still the seeded words.
 */
export function makeDefaultRubric(now: string): Rubric {
  return {
    id: 'default',
    version: 1,
    name: enPages['rubric.default.name'],
    scale: { min: 1, max: 5 },
    criteria: DEFAULT_CRITERIA.map(criterion),
    createdAt: now,
    updatedAt: now,
  };
}
