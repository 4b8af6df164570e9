import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clipBox,
  findSensitiveSpans,
  mergeBoxes,
  readTreeText,
  sensitiveBoxes,
  spanBoxes,
  type SensitiveSpan,
} from '@/lib/capture/redact/dom';

/** Puts the parsed fixture into the live document (which has a window, styles and layout). */
function page(html: string): Document {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes));
  return document;
}

/** Each span as `kind:text`, its parts' texts joined with `|`. */
const spansOf = (root: Document | ShadowRoot) =>
  findSensitiveSpans(root).map(
    (s) => `${s.kind}:${s.parts.map((p) => p.node.data.slice(p.start, p.end)).join('|')}`,
  );

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('findSensitiveSpans', () => {
  it('finds a card number split over inline elements, by node and offset', () => {
    const doc = page('<p>Paid with <span>4242 4242</span> <b>4242</b>&nbsp;4242 today</p>');
    const [span] = findSensitiveSpans(doc);
    expect(span?.kind).toBe('card');
    expect(span?.parts.map((p) => [p.node.data, p.start, p.end])).toEqual([
      ['4242 4242', 0, 9],
      [' ', 0, 1],
      ['4242', 0, 4],
      ['\u00a04242 today', 0, 5],
    ]);
  });

  it('reads markup indentation between inline elements as one space', () => {
    const doc = page(
      '<p><span>0912</span>\n        <span>345</span>\n        <span>6789</span></p>',
    );
    expect(spansOf(doc)).toEqual(['phone:0912|\n        |345|\n        |6789']);
  });

  it('keeps blocks apart, yet finds an order word and its code in neighbouring cells', () => {
    const doc = page(
      '<table><tr><td>4242 4242</td><td>4242 4242</td></tr>' +
        '<tr><td>Order number</td><td>A-20391</td></tr></table>',
    );
    expect(spansOf(doc)).toEqual(['order:A-20391']);
  });

  it('leaves out hidden text, scripts, styles, form fields, editable regions and the skipped host', () => {
    const doc = page(
      '<p hidden>a@hidden.lv</p>' +
        '<p style="display:none">b@none.lv</p>' +
        '<p style="visibility:hidden">c@invisible.lv</p>' +
        '<p style="opacity:0">d@transparent.lv</p>' +
        '<script>var e = "e@script.lv"</script><style>/* f@style.lv */</style>' +
        '<textarea>g@field.lv</textarea><select><option>h@option.lv</option></select>' +
        '<div contenteditable="true">i@editable.lv</div>' +
        '<div id="tagger">j@tagger.lv</div>' +
        '<p style="display:contents">k@contents.lv</p>',
    );
    const skip = doc.getElementById('tagger');
    const found = findSensitiveSpans(doc, { skip }).map((s) => s.parts[0]!.node.data.trim());
    expect(found).toEqual(['k@contents.lv']);
  });

  it('reads open shadow roots, and closed ones the caller hands over', () => {
    const doc = page('<p>Contact</p><x-open></x-open><x-closed></x-closed>');
    const open = doc.querySelector('x-open')!.attachShadow({ mode: 'open' });
    open.append(doc.createTextNode('Tel. +371 2000 0000'));
    const closedHost = doc.querySelector('x-closed')!;
    const closed = closedHost.attachShadow({ mode: 'closed' });
    const p = doc.createElement('p');
    p.textContent = 'Pasūtījuma numurs: LV-204551';
    closed.append(p);
    expect(spansOf(doc)).toEqual(['phone:+371 2000 0000']);
    const found = findSensitiveSpans(doc, {
      shadowRootOf: (host) => (host === closedHost ? closed : host.shadowRoot),
    }).map((s) => s.kind);
    expect(found.sort()).toEqual(['order', 'phone']);
  });

  it('reads the trees a caller found (a closed root among them) without looking for more', () => {
    const doc = page('<p>Contact</p><x-open></x-open><x-closed></x-closed>');
    const open = doc.querySelector('x-open')!.attachShadow({ mode: 'open' });
    open.append(doc.createTextNode('Tel. +371 2000 0000'));
    const closed = doc.querySelector('x-closed')!.attachShadow({ mode: 'closed' });
    const p = doc.createElement('p');
    p.textContent = 'Pasūtījuma numurs: LV-204551';
    closed.append(p);
    const asked: Element[] = [];
    const kinds = (trees: (Document | ShadowRoot)[]) =>
      findSensitiveSpans(doc, { trees, shadowRootOf: (host) => (asked.push(host), null) })
        .map((s) => s.kind)
        .sort();
    expect(kinds([doc, closed])).toEqual(['order']);
    expect(kinds([doc, open, closed])).toEqual(['order', 'phone']);
    expect(asked).toEqual([]);
  });

  it('treats page text as data, never reading markup', () => {
    const read = vi.spyOn(Element.prototype, 'innerHTML', 'get');
    const doc = page('<p></p>');
    doc.querySelector('p')!.textContent = '<img src=x onerror=alert(1)> mail me: x@y.co';
    expect(spansOf(doc)).toEqual(['email:x@y.co']);
    expect(doc.querySelector('img')).toBeNull();
    expect(read).not.toHaveBeenCalled();
  });

  it('reads 5,000 text nodes quickly', () => {
    const doc = page('');
    const rows: HTMLElement[] = [];
    for (let i = 0; i < 1_000; i++) {
      const li = doc.createElement('li');
      li.append(
        doc.createTextNode(`Item ${i} · `),
        Object.assign(doc.createElement('b'), { textContent: `${(i * 37) % 1000},00 €` }),
        doc.createTextNode(' qty 2 '),
        Object.assign(doc.createElement('i'), {
          textContent: i % 100 === 0 ? `a${i}@shop.lv` : 'ok',
        }),
        doc.createTextNode(' SKU AB-1234'),
      );
      rows.push(li);
    }
    const list = doc.createElement('ul');
    list.append(...rows);
    doc.body.append(list);
    expect(readTreeText(doc).pieces).toHaveLength(5_000);
    const started = performance.now();
    const spans = findSensitiveSpans(doc);
    const took = performance.now() - started;
    expect(spans.map((s) => s.kind)).toEqual(Array(10).fill('email'));
    // happy-dom is many times slower than Chromium; the target in Chromium is 50 ms.
    expect(took).toBeLessThan(500);
    console.info(`findSensitiveSpans over 5,000 text nodes (happy-dom): ${took.toFixed(1)} ms`);
  });
});

describe('boxes', () => {
  const capture = { x: 0, y: 0, width: 200, height: 100 };

  it('cuts a box to the captured area, dropping what is outside', () => {
    expect(clipBox({ x: -10, y: 90, width: 50, height: 30 }, capture)).toEqual({
      x: 0,
      y: 90,
      width: 40,
      height: 10,
    });
    expect(clipBox({ x: 300, y: 10, width: 50, height: 30 }, capture)).toBeNull();
  });

  it('merges overlapping boxes of one kind only', () => {
    const merged = mergeBoxes([
      { kind: 'card', rect: { x: 0, y: 0, width: 50, height: 10 } },
      { kind: 'card', rect: { x: 50, y: 0, width: 50, height: 10 } },
      { kind: 'card', rect: { x: 0, y: 50, width: 10, height: 10 } },
      { kind: 'email', rect: { x: 20, y: 0, width: 10, height: 10 } },
    ]);
    expect(merged).toEqual([
      { kind: 'card', rect: { x: 0, y: 0, width: 100, height: 10 } },
      { kind: 'card', rect: { x: 0, y: 50, width: 10, height: 10 } },
      { kind: 'email', rect: { x: 20, y: 0, width: 10, height: 10 } },
    ]);
  });

  it('measures each part of a span with a Range, padded and cut to the capture', () => {
    const doc = page('<p>Card <span>4242 4242</span> 4242 4242, mail a@b.co</p>');
    const rects: Record<string, DOMRect[]> = {
      '4242 4242': [new DOMRect(10, 10, 60, 12)],
      ' 4242 4242, mail a@b.co': [new DOMRect(70, 10, 60, 12), new DOMRect(150, 95, 30, 12)],
    };
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const node = this.startContainer as Text;
      const all = rects[node.data] ?? [];
      // The email's range starts past the card's part of the same node.
      const list = this.startOffset > 10 ? all.slice(1) : all.slice(0, 1);
      return Object.assign(list, {
        item: (i: number) => list[i] ?? null,
      }) as unknown as DOMRectList;
    });
    const [card, email] = findSensitiveSpans(doc) as [SensitiveSpan, SensitiveSpan];
    expect(spanBoxes(card, capture)).toEqual([
      { x: 8, y: 8, width: 64, height: 16 },
      { x: 68, y: 8, width: 64, height: 16 },
    ]);
    expect(spanBoxes(email, capture)).toEqual([{ x: 148, y: 93, width: 34, height: 7 }]);
    const { boxes, counts } = sensitiveBoxes(doc, capture);
    expect(boxes).toEqual([
      { kind: 'card', rect: { x: 8, y: 8, width: 124, height: 16 } },
      { kind: 'email', rect: { x: 148, y: 93, width: 34, height: 7 } },
    ]);
    expect(counts).toEqual([
      { kind: 'card', count: 1 },
      { kind: 'email', count: 1 },
    ]);
    expect(sensitiveBoxes(doc, { x: 0, y: 0, width: 5, height: 5 }).counts).toEqual([]);
  });
});
