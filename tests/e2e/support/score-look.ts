import type { Locator } from 'playwright-core';

/** How one criterion's score buttons look on the screen (components/CriterionScore.tsx). */
export interface ScoreLook {
  /** The chosen score's colours or weight differ from an unchosen one's. */
  chosenStandsOut: boolean;
  /** The criterion's help sits below its name, not run on after it. */
  helpBelowName: boolean;
}

/** Reads a criterion's look: `group` is its radio group (`<prefix>-score-<criterionId>`). */
export function scoreLook(group: Locator): Promise<ScoreLook> {
  return group.evaluate((el) => {
    const look = (b: Element | null) => {
      if (!b) return null;
      const s = getComputedStyle(b);
      return `${s.backgroundColor} ${s.color} ${s.fontWeight}`;
    };
    const chosen = look(el.querySelector('[aria-checked="true"]'));
    const other = look(el.querySelector('[aria-checked="false"]'));
    const name = el.querySelector('.criterion-label')?.getBoundingClientRect();
    const help = el.querySelector('.criterion-help')?.getBoundingClientRect();
    return {
      chosenStandsOut: chosen !== null && other !== null && chosen !== other,
      helpBelowName: !!name && !!help && help.top >= name.bottom - 1,
    };
  });
}
