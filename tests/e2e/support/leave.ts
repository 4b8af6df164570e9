import type { Page } from 'playwright-core';

/**
 * Closes `page` as the user closing its tab would (its `beforeunload` runs). When the browser
 * asks "Leave site?", the user stays: the page is left open and this answers true. Otherwise
 * the page closes and this answers false.
 */
export async function closeTab(page: Page): Promise<boolean> {
  let asked = false;
  const stay = (dialog: { type(): string; dismiss(): Promise<void> }) => {
    if (dialog.type() !== 'beforeunload') return;
    asked = true;
    void dialog.dismiss();
  };
  page.on('dialog', stay);
  await page.close({ runBeforeUnload: true });
  // The close resolves at once; the question, or the page going, comes after it.
  const deadline = Date.now() + 10_000;
  while (!asked && !page.isClosed() && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 25));
  page.off('dialog', stay);
  if (!asked && !page.isClosed()) throw new Error('the tab neither closed nor asked to stay');
  return asked;
}
