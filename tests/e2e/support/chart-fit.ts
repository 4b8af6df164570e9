import type { Page } from 'playwright-core';

/**
 * The texts of the page's charts (SVGs with a viewBox) that reach past their chart's edges,
 * where the reader sees them cut off: each with the chart's test id.
 */
export function chartTextsCut(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg[viewBox]')].flatMap((svg) => {
      const box = (svg as SVGSVGElement).viewBox.baseVal;
      return [...svg.querySelectorAll('text')]
        .filter((text) => {
          const b = text.getBBox();
          return b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5;
        })
        .map(
          (text) =>
            `${svg.closest('[data-testid]')?.getAttribute('data-testid') ?? 'chart'}: ${text.textContent}`,
        );
    }),
  );
}
