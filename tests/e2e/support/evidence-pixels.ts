import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../support/browser';

/** A box in the stored evidence image, image pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How the pixels of a box of a stored evidence image look. */
export interface PixelStats {
  /** How many pixels were read. */
  count: number;
  /** The mean colour of the box: red, green, blue (0–255). */
  mean: [number, number, number];
  /** Share of pixels within `tolerance` of the colour asked about, per channel. */
  nearColour: number;
  /** Largest difference between any channel of any pixel and the box's mean. */
  spread: number;
}

/**
 * Reads the stored evidence blob of a touchpoint in an extension page (as a data URL); with
 * `moment`, the screenshot taken then (`pick` or `save`) of a touchpoint that kept both.
 */
async function evidenceDataUrl(
  ext: ExtensionSession,
  touchpointId: string,
  moment?: 'pick' | 'save',
): Promise<string> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await page.evaluate(
      ({ touchpointId, moment }) =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('touchpoint-auditor');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('evidence').objectStore('evidence').getAll();
            req.onsuccess = () => {
              open.result.close();
              const rows = req.result as { touchpointId: string; blob: Blob; moment?: string }[];
              const row = rows.find(
                (r) => r.touchpointId === touchpointId && (!moment || r.moment === moment),
              );
              if (!row) return reject(new Error('no evidence'));
              const reader = new FileReader();
              reader.onload = () => resolve(String(reader.result));
              reader.readAsDataURL(row.blob);
            };
          };
        }),
      { touchpointId, moment },
    );
  } finally {
    await page.close();
  }
}

/**
 * The mean difference per channel (0–255) between the stored evidence of a touchpoint and a
 * PNG of the same size (a Playwright screenshot of where the evidence should come from).
 */
export async function evidenceDiff(
  ext: ExtensionSession,
  touchpointId: string,
  png: Buffer,
): Promise<number> {
  const evidence = await evidenceDataUrl(ext, touchpointId);
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await page.evaluate(
      async ({ evidence, png }) => {
        const pixels = async (url: string) => {
          const bytes = Uint8Array.from(atob(url.split(',')[1] ?? ''), (c) => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes]));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const g = canvas.getContext('2d')!;
          g.drawImage(bitmap, 0, 0);
          return g.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const a = await pixels(evidence);
        const b = await pixels(png);
        if (a.width !== b.width || a.height !== b.height) return 255;
        let sum = 0;
        for (let i = 0; i < a.data.length; i++)
          if (i % 4 !== 3) sum += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
        return sum / ((a.data.length / 4) * 3);
      },
      { evidence, png: `data:image/png;base64,${png.toString('base64')}` },
    );
  } finally {
    await page.close();
  }
}

/**
 * Decodes an image (JPEG or PNG: a data URL, or its bytes) in `page` with `createImageBitmap`
 * and an `OffscreenCanvas`, and summarises the pixels of `box`: its mean colour, the share near
 * `colour`, and how far any pixel strays from the mean. A solid box drawn over text before a
 * capture reads as `nearColour` close to 1 and a small `spread`; text left visible does not.
 * Any page will do (an extension page, or a plain page of the test's own).
 */
export async function imagePixels(
  page: Page,
  image: string | Uint8Array,
  box: PixelBox,
  colour: [number, number, number] = [0, 0, 0],
  tolerance = 24,
): Promise<PixelStats> {
  const url =
    typeof image === 'string'
      ? image
      : `data:image/jpeg;base64,${Buffer.from(image).toString('base64')}`;
  return page.evaluate(
    async ({ url, box, colour, tolerance }) => {
      const bytes = Uint8Array.from(atob(url.split(',')[1] ?? ''), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes]));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const { data } = g.getImageData(box.x, box.y, box.width, box.height);
      const n = data.length / 4;
      const at = (i: number) => data[i] ?? 0;
      const mean = [0, 1, 2].map((c) => {
        let sum = 0;
        for (let i = c; i < data.length; i += 4) sum += at(i);
        return sum / n;
      }) as [number, number, number];
      let near = 0;
      let spread = 0;
      for (let i = 0; i < data.length; i += 4) {
        let close = true;
        for (let c = 0; c < 3; c++) {
          if (Math.abs(at(i + c) - (colour[c] ?? 0)) > tolerance) close = false;
          spread = Math.max(spread, Math.abs(at(i + c) - (mean[c] ?? 0)));
        }
        if (close) near++;
      }
      return { count: n, mean, nearColour: near / n, spread };
    },
    { url, box, colour, tolerance },
  );
}

/**
 * Decodes the stored evidence of a touchpoint (JPEG) in an extension page and summarises the
 * pixels of `box` ({@link imagePixels}). With `moment`, the screenshot taken then (`pick` or
 * `save`) of a touchpoint that kept both.
 */
export async function evidencePixels(
  ext: ExtensionSession,
  touchpointId: string,
  box: PixelBox,
  colour: [number, number, number],
  tolerance = 24,
  moment?: 'pick' | 'save',
): Promise<PixelStats> {
  const url = await evidenceDataUrl(ext, touchpointId, moment);
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await imagePixels(page, url, box, colour, tolerance);
  } finally {
    await page.close();
  }
}
