import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

/** The rule sets issue 13 holds every page to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];

let source: string | undefined;
/** axe-core's browser build, read once. */
function axeSource(): string {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** One violation as axe reports it, cut to what a failure message needs. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The violations as one readable list: rule id, impact, each target and its summary. */
export function describeViolations(where: string, violations: Violation[]): string {
  const lines = [`${where}: ${violations.length} accessibility rule(s) fail`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'no impact'}): ${v.help}`);
    for (const node of v.nodes) {
      lines.push(`    ${JSON.stringify(node.target)}`);
      if (node.failureSummary) lines.push(`      ${node.failureSummary.replace(/\n\s*/g, ' ')}`);
    }
  }
  return lines.join('\n');
}

/**
 * Runs axe-core on `page` — or only inside `within`, in whichever frame it is (the tagger's
 * panel is in the tagger's UI frame; an element in a shadow root is entered from its host) —
 * and throws the list of violations, if any.
 * The source is evaluated rather than added as a `<script>`: extension pages forbid inline
 * scripts.
 */
export async function checkA11y(page: Page, where: string, within?: Locator): Promise<void> {
  // `within` may be in a frame (the tagger's UI frame): axe runs in that frame's document.
  const frame = within ? await (await within.elementHandle())?.ownerFrame() : page.mainFrame();
  if (!frame) throw new Error(`${where}: the element to check is gone`);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource());
  const options = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  const violations = await (within ?? page.locator('html')).evaluate(async (el, opts) => {
    const root = el.getRootNode();
    const whole = el === document.documentElement;
    const context = root instanceof ShadowRoot ? root.host : whole ? document : el;
    type Axe = { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> };
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(context, opts);
    // Only what the message needs crosses back.
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, options);
  if (violations.length > 0) throw new Error(describeViolations(where, violations));
}
