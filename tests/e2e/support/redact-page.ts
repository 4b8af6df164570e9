// Runs inside a plain Chromium page (bundled by tests/e2e/redact-layout.test.ts): the
// redaction library over a real layout, and the boxes drawn the way a mask layer would.
import type { Box } from '@/lib/anchoring/position';
import { findSensitive } from '@/lib/capture/redact/find';
import {
  findSensitiveSpans,
  readTreeText,
  sensitiveBoxes,
  type SensitiveBox,
} from '@/lib/capture/redact/dom';

export { sensitiveBoxes };

/** The viewport box of the first occurrence of `text` in the page's text nodes. */
export function rectOfText(text: string): Box | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const r = range.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }
  return null;
}

/** Draws solid black boxes over the page, as the tagger's mask layer does before a capture. */
export function drawBoxes(boxes: readonly SensitiveBox[]): void {
  for (const { rect } of boxes) {
    const div = document.createElement('div');
    Object.assign(div.style, {
      position: 'fixed',
      left: `${rect.x}px`,
      top: `${rect.y}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
      background: '#000',
      zIndex: '2147483647',
    });
    document.body.append(div);
  }
}

/**
 * Milliseconds (median of `runs`) to find the personal data in a page of `rows` list items of
 * five text nodes each, and to measure its boxes.
 */
export function timeLargePage(
  rows: number,
  runs: number,
): { nodes: number; read: number; find: number; spans: number; boxes: number } {
  const list = document.createElement('ul');
  for (let i = 0; i < rows; i++) {
    const li = document.createElement('li');
    const b = document.createElement('b');
    b.textContent = `${(i * 37) % 1000},00 €`;
    const em = document.createElement('em');
    em.textContent = i % 100 === 0 ? `buyer${i}@shop.lv` : 'in stock';
    li.append(`Item ${i} · `, b, ' qty 2 ', em, ' SKU AB-1234');
    list.append(li);
  }
  document.body.replaceChildren(list);
  const median = (f: () => void) => {
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      f();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  };
  const text = readTreeText(document).text;
  const view = { x: 0, y: 0, width: innerWidth, height: innerHeight };
  // Once before timing: compiled code and a laid-out page, as a page the shopper looks at is.
  sensitiveBoxes(document, view);
  return {
    nodes: rows * 5,
    read: median(() => readTreeText(document)),
    find: median(() => findSensitive(text)),
    spans: median(() => findSensitiveSpans(document)),
    boxes: median(() => sensitiveBoxes(document, view)),
  };
}
