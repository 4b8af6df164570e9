import type { FileEntry } from './zip';
import { ZIP_OPTIONS } from './zip';

/** Longest line read (characters): far above any real record, far below an exhausted tab. */
export const MAX_LINE_LENGTH = 32 * 1024 * 1024;

/** A line past {@link MAX_LINE_LENGTH}: the file is refused rather than read into the heap. */
export class LineTooLong extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is longer than ${MAX_LINE_LENGTH} characters`);
  }
}

/** One line of a JSON-lines entry and its number in the file (1-based). */
export interface Line {
  text: string;
  number: number;
}

/**
 * The non-blank lines of a ZIP entry, decoded as UTF-8, read as the entry is inflated: the
 * heap holds one piece of the entry and the line being cut, never the whole file. The
 * consumer's pace holds the reading back (a stream with no buffer ahead). A damaged entry
 * (bad deflate data, wrong CRC-32) throws once it is found.
 */
export async function* entryLines(entry: FileEntry): AsyncGenerator<Line> {
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  const reading = entry.getData(pipe.writable, { ...ZIP_OPTIONS, checkCrc32: true });
  // Read errors surface through `reading`; keep them from being reported as unhandled.
  reading.catch(() => undefined);
  const reader = (pipe.readable as ReadableStream<BufferSource>)
    .pipeThrough(new TextDecoderStream('utf-8'))
    .getReader();
  let rest = '';
  let number = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += value;
      let at = rest.indexOf('\n');
      let from = 0;
      while (at !== -1) {
        number += 1;
        const text = rest.slice(from, at).replace(/\r$/, '');
        if (text.trim() !== '') yield { text, number };
        from = at + 1;
        at = rest.indexOf('\n', from);
      }
      rest = rest.slice(from);
      if (rest.length > MAX_LINE_LENGTH) throw new LineTooLong(number + 1);
    }
    if (rest.trim() !== '') yield { text: rest.replace(/\r$/, ''), number: number + 1 };
    finished = true;
    await reading;
  } finally {
    // Left before the end (a refused line): stop inflating the rest.
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/** The whole of a small entry (the manifest) as text. */
export async function entryText(entry: FileEntry): Promise<string> {
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  const reading = entry.getData(pipe.writable, { ...ZIP_OPTIONS, checkCrc32: true });
  const [text] = await Promise.all([new Response(pipe.readable).text(), reading]);
  return text;
}
