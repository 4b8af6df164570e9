import { describeNonImage } from '../capture/image-header';
import { problem, type Problem } from '../result';
import { base64ToBytes } from './base64';
import { isBase64 } from './schema';

/**
 * Declared types of evidence files an older popup accepted that are not images (a PDF
 * receipt, a saved e-mail, a text note). A backup carrying them is imported without them.
 */
export const LEFT_OUT_MIMES: ReadonlySet<string> = new Set([
  'application/pdf',
  'message/rfc822',
  'text/plain',
]);

/** What the bytes are called in the report, by declared type. */
const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'message/rfc822': 'e-mail',
  'text/plain': 'text',
};

/** Bytes no evidence may ever be, whatever it claims: these still refuse the whole file. */
const MARKUP = new Set(['SVG', 'HTML', 'XML or HTML']);

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Takes the evidence items of a parsed (not yet validated) backup that an older popup let in
 * and that are no image — declared PDF, e-mail or text — out of its `evidence` list, so the
 * rest can be imported, all or nothing as ever. Each one left out is a
 * `backup.attachment-left-out` problem whose path is its touchpoint in the file
 * (`touchpoints[4]`), or the item itself when no touchpoint of the file has it. Markup (SVG,
 * HTML) is never taken out, whatever its declared type: the validation refuses the file.
 */
export function takeOutAttachments(data: Record<string, unknown>): {
  data: Record<string, unknown>;
  leftOut: Problem[];
} {
  const evidence = data.evidence;
  if (!Array.isArray(evidence)) return { data, leftOut: [] };
  let indexOf: Map<unknown, number> | null = null;
  const touchpointAt = (id: unknown): number => {
    if (!indexOf) {
      const list: unknown[] = Array.isArray(data.touchpoints) ? data.touchpoints : [];
      indexOf = new Map(list.map((tp, k) => [isRecord(tp) ? tp.id : undefined, k]));
    }
    return indexOf.get(id) ?? -1;
  };
  const leftOut: Problem[] = [];
  const kept = evidence.filter((e: unknown, i) => {
    if (!isRecord(e) || typeof e.mime !== 'string' || !LEFT_OUT_MIMES.has(e.mime)) return true;
    if (typeof e.dataBase64 !== 'string' || !isBase64(e.dataBase64)) return true;
    if (MARKUP.has(describeNonImage(base64ToBytes(e.dataBase64.slice(0, 700))))) return true;
    const at = touchpointAt(e.touchpointId);
    const path = at >= 0 ? `touchpoints[${at}]` : `evidence[${i}]`;
    leftOut.push(problem('backup.attachment-left-out', { type: KIND[e.mime]! }, path));
    return false;
  });
  return leftOut.length === 0 ? { data, leftOut } : { data: { ...data, evidence: kept }, leftOut };
}
