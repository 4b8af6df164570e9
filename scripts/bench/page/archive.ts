/**
 * Bench functions for the backup archive and the streaming CSV, run inside an extension page
 * (the product's origin and database): seeding, then each job next to the same bytes written
 * or read as plain files through the same APIs (Blob parts, IndexedDB).
 */
import { getDb, putTouchpoints, seedDefaults, type AuditorDb } from '../../../lib/db';
import { exportTouchpointsCsv } from '../../../lib/export/study-csv';
import { DEFAULT_CSV_OPTIONS } from '../../../lib/export/csv';
import type { Evidence, Touchpoint } from '../../../lib/model';
import { ChunkedBlob } from '../../../lib/util/chunked-blob';
import { yieldToEventLoop } from '../../../lib/util/event-loop';
import { makeBenchData } from './fixtures';
import { watchFrames } from './frames';

const now = new Date('2026-11-22T12:00:00.000Z');

/** Long tasks (main thread busy ≥ 50 ms) seen since the last `takeLongTasks`. */
const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: false });
const takeLongTasks = () => {
  const max = Math.max(0, ...longTasks);
  longTasks.length = 0;
  return max;
};

/** A real 3 × 2 JPEG padded to `bytes` with APP15 segments of random data: a valid image. */
async function paddedJpeg(bytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(3, 2);
  canvas.getContext('2d')!.fillRect(0, 0, 3, 2);
  const base = new Uint8Array(
    await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer(),
  );
  const out = new Uint8Array(bytes);
  out.set(base.subarray(0, 2)); // SOI
  let at = 2;
  const room = bytes - base.length;
  while (room - (at - 2) >= 4) {
    const length = Math.min(65_535, room - (at - 2) - 2);
    if (length < 2) break;
    out[at] = 0xff;
    out[at + 1] = 0xef;
    out[at + 2] = length >> 8;
    out[at + 3] = length & 0xff;
    const data = out.subarray(at + 4, at + 2 + length);
    for (let k = 0; k < data.length; k += 65_536)
      crypto.getRandomValues(data.subarray(k, k + 65_536));
    at += 2 + length;
  }
  out.set(base.subarray(2), at);
  return out.subarray(0, at + base.length - 2);
}

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

async function wipe(db: AuditorDb) {
  await Promise.all(db.tables.map((t) => t.clear()));
  await seedDefaults(db, now);
}

/** A study of `n` touchpoints, each with one screenshot of `imageBytes`. */
async function seedArchive(n: number, imageBytes: number): Promise<{ ms: number; bytes: number }> {
  const db = getDb();
  await wipe(db);
  const started = performance.now();
  const data = makeBenchData(n);
  await db.brands.bulkPut(data.brands);
  await db.studies.put(data.study);
  await db.audits.bulkPut(data.audits);
  await putTouchpoints(db, data.touchpoints);
  // A few distinct images, each stored once per screenshot (IndexedDB copies every Blob).
  const images = await Promise.all(Array.from({ length: 8 }, () => paddedJpeg(imageBytes)));
  const hashes = await Promise.all(images.map(sha256));
  // One Blob per distinct image, shared by every record: IndexedDB copies the bytes at each put.
  // With a new Blob per record (733 MB of them left to the garbage collector at --full size)
  // the seeding failed twice with "DataError: Failed to write blobs"; shared, it goes through.
  const blobs = images.map((bytes) => new Blob([bytes], { type: 'image/jpeg' }));
  let bytes = 0;
  for (let start = 0; start < n; start += 100) {
    const chunk: Evidence[] = data.touchpoints.slice(start, start + 100).map((tp, k) => {
      const i = (start + k) % images.length;
      bytes += images[i]!.length;
      return {
        id: `ev-${String(start + k).padStart(7, '0')}`,
        touchpointId: tp.id,
        mime: 'image/jpeg',
        blob: blobs[i]!,
        width: 3,
        height: 2,
        sha256: hashes[i]!,
        capturedAt: tp.createdAt,
        url: tp.url,
      };
    });
    await db.evidence.bulkPut(chunk);
  }
  return { ms: performance.now() - started, bytes };
}

let plain: Blob | undefined;
let plainIndex: { at: number; size: number }[] = [];

/**
 * The same bytes as plain files through the same APIs: every record's JSON and every image's
 * bytes read page by page from IndexedDB and appended to one Blob of parts (no ZIP, no CRC,
 * no deflate).
 */
async function plainExportRun() {
  const db = getDb();
  const r = await watchFrames(async () => {
    const out = new ChunkedBlob();
    const parts: Blob[] = [];
    plainIndex = [];
    let at = 0;
    for (const t of [db.studies, db.brands, db.rubrics, db.audits]) {
      for (const r of await t.toArray()) out.write(`${JSON.stringify(r)}\n`);
    }
    let page = await db.touchpoints.orderBy(':id').limit(2_000).toArray();
    while (page.length > 0) {
      for (const tp of page) out.write(`${JSON.stringify(tp)}\n`);
      const last = page[page.length - 1]!.id;
      await yieldToEventLoop();
      page = await db.touchpoints.where(':id').above(last).limit(2_000).toArray();
    }
    const records = out.toBlob();
    parts.push(records);
    at = records.size;
    let ev = await db.evidence.orderBy(':id').limit(50).toArray();
    while (ev.length > 0) {
      for (const e of ev) {
        // Read the bytes as the archive does (it reads each Blob to checksum it).
        const bytes = new Uint8Array(await e.blob.arrayBuffer());
        parts.push(new Blob([bytes]));
        plainIndex.push({ at, size: bytes.length });
        at += bytes.length;
      }
      const last = ev[ev.length - 1]!.id;
      ev = await db.evidence.where(':id').above(last).limit(50).toArray();
    }
    return new Blob(parts);
  });
  plain = r.value;
  return { ms: r.ms, bytes: plain.size, recordsBytes: plainIndex[0]?.at ?? 0 };
}

/** How many touchpoints and screenshots are stored (after an import). */
async function counts() {
  const db = getDb();
  return { touchpoints: await db.touchpoints.count(), evidence: await db.evidence.count() };
}

/**
 * The same bytes read back as plain files through the same APIs: the plain export's records
 * parsed line by line and put, each image sliced out of the Blob, read and put, in chunks.
 */
async function plainImportRun() {
  const db = getDb();
  await wipe(db);
  const file = plain!;
  const r = await watchFrames(async () => {
    const text = await file.slice(0, plainIndex[0]?.at ?? file.size).text();
    const touchpoints: Touchpoint[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      const record = JSON.parse(line) as Touchpoint;
      if (record.auditId !== undefined && record.category !== undefined) touchpoints.push(record);
      if (touchpoints.length === 2_000) {
        await db.touchpoints.bulkPut(touchpoints.splice(0));
      }
    }
    await db.touchpoints.bulkPut(touchpoints);
    let chunk: Evidence[] = [];
    for (const [i, { at, size }] of plainIndex.entries()) {
      const bytes = new Uint8Array(await file.slice(at, at + size).arrayBuffer());
      chunk.push({
        id: `ev-${i}`,
        touchpointId: `t-${i}`,
        mime: 'image/jpeg',
        blob: new Blob([bytes], { type: 'image/jpeg' }),
        width: 3,
        height: 2,
        sha256: '',
        capturedAt: '',
        url: null,
      });
      if (chunk.length === 20) {
        await db.evidence.bulkPut(chunk);
        chunk = [];
      }
    }
    await db.evidence.bulkPut(chunk);
  });
  await wipe(db);
  return { ms: r.ms };
}

/** Drops the files held between steps (so the next figures start from a clean heap). */
function release() {
  plain = undefined;
  plainIndex = [];
}

/** A study of `n` touchpoints for the CSV (raw puts in chunks: seeding is not measured). */
async function seedCsv(n: number): Promise<{ ms: number; studyId: string }> {
  const db = getDb();
  await wipe(db);
  const started = performance.now();
  const shape = { brands: 5, waves: ['2026-Q4'], audits: 200 };
  const head = makeBenchData(0, 'csv-study', shape);
  await db.brands.bulkPut(head.brands);
  await db.studies.put(head.study);
  await db.audits.bulkPut(head.audits);
  const chunk = 10_000;
  const template = makeBenchData(chunk, 'csv-study', shape).touchpoints;
  for (let start = 0; start < n; start += chunk) {
    const part = template
      .slice(0, Math.min(chunk, n - start))
      .map((tp, k) => ({ ...tp, id: `csv-study-tp-${start + k}` }));
    await db.touchpoints.bulkPut(part);
  }
  return { ms: performance.now() - started, studyId: head.study.id };
}

/** touchpoints.csv of the seeded study, streamed. */
async function csvRun(studyId: string) {
  takeLongTasks();
  const r = await watchFrames(() => exportTouchpointsCsv(getDb(), studyId, DEFAULT_CSV_OPTIONS));
  return { ms: r.ms, maxGapMs: r.maxGapMs, longTaskMs: takeLongTasks(), bytes: r.value!.size };
}

(globalThis as unknown as { tpaArchive: unknown }).tpaArchive = {
  seedArchive,
  plainExportRun,
  counts,
  plainImportRun,
  release,
  seedCsv,
  csvRun,
  wipe: () => wipe(getDb()),
};
