/**
 * Bundled into a plain Chromium page by tests/e2e/anchoring-real.test.ts: measures, with real
 * layout, how anchors made on a saved page find their element again after each kind of change.
 * Each page is loaded into a sandboxed iframe (no scripts run) twice per change: once as saved,
 * to make the anchors, and once changed, to find them again.
 */
import { anchorFromElement, anchorToElement, structuralSelector } from '@/lib/anchoring';
import { CHANGES, pageTargets } from '../../lib/anchoring/changes';

/** A saved page; `target` names its one target, else every element with text of its own is one. */
export interface SavedPage {
  source: string;
  html: string;
  target?: string;
}

export type Tally = Record<'css' | 'text' | 'position' | 'none' | 'wrong', number>;

export interface Measurement {
  targets: number;
  tallies: Record<string, Tally>;
  /** One line per wrong element returned. */
  wrong: string[];
}

/** An iframe as large as a laptop's window, its scripts off, its document reachable. */
function frame(): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.setAttribute('sandbox', 'allow-same-origin');
  f.style.cssText = 'width:1280px;height:800px;border:0;display:block';
  document.body.append(f);
  return f;
}

/** Loads `html` into the frame and waits until it (images included) has loaded. */
function load(f: HTMLIFrameElement, html: string): Promise<Document> {
  return new Promise((resolve) => {
    f.addEventListener('load', () => resolve(f.contentDocument!), { once: true });
    f.srcdoc = html;
  });
}

const describeEl = (el: Element) =>
  `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}`;

/** Runs every change kind on every target of every page and counts how each was found. */
export async function measure(pages: SavedPage[]): Promise<Measurement> {
  const before = frame();
  const after = frame();
  const tallies: Record<string, Tally> = {};
  const wrong: string[] = [];
  let targets = 0;
  for (const kind of Object.keys(CHANGES))
    tallies[kind] = { css: 0, text: 0, position: 0, none: 0, wrong: 0 };
  for (const page of pages) {
    const doc = await load(before, page.html);
    const els = page.target ? [doc.querySelector(page.target)!] : pageTargets(doc);
    const saved = els.map((el) => ({
      path: structuralSelector(el, doc),
      anchor: anchorFromElement(el),
    }));
    targets += saved.length;
    for (const [kind, change] of Object.entries(CHANGES)) {
      const tally = tallies[kind]!;
      for (const { path, anchor } of saved) {
        const changed = await load(after, page.html);
        const target = changed.querySelector(path)!;
        change(changed, target);
        const found = anchorToElement(anchor, changed);
        tally[found.matchedBy]++;
        if (found.element && found.element !== target) {
          tally.wrong++;
          wrong.push(
            `${kind}: ${page.source} ${anchor.css} “${anchor.text.slice(0, 30)}” ` +
              `${JSON.stringify(anchor.rect)} got ${found.matchedBy} ${describeEl(found.element)}`,
          );
        }
      }
    }
  }
  before.remove();
  after.remove();
  return { targets, tallies, wrong };
}
