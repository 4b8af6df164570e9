import { enPages } from './en-pages';
import { isMessageKey, t } from './translate';
import type { Rubric } from '../model';

/** The seeded English text under `key`, translated; any other text (the lead's words) as is. */
function seeded(text: string, key: string): string {
  if (!isMessageKey(key)) return text;
  const english = (enPages as Record<string, unknown>)[key];
  return english === text ? t(key) : text;
}

/**
 * A rubric to show: the default rubric's name, labels and help in the reader's language
 * wherever they are still the seeded English words; whatever a lead wrote keeps the lead's
 * words. For display only — the stored rubric (and every file) keeps its text.
 */
export function localizeRubric<R extends Rubric>(rubric: R): R {
  return {
    ...rubric,
    name: seeded(rubric.name, `rubric.default.name`),
    criteria: rubric.criteria.map((c) => ({
      ...c,
      label: seeded(c.label, `rubric.default.${c.id}.label`),
      help: c.help === undefined ? c.help : seeded(c.help, `rubric.default.${c.id}.help`),
    })),
  };
}
