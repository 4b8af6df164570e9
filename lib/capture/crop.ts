/** A box in some unit (CSS pixels or image pixels, as each field says). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is needed to cut a tagged element out of a screenshot of the visible tab. */
export interface CropInput {
  /** The element's box in the tab's viewport, CSS pixels (may reach outside the viewport). */
  rect: Rect;
  /** The viewport's size in CSS pixels, as the page measured it (`innerWidth`/`innerHeight`). */
  viewport: { width: number; height: number };
  /** The screenshot's size in image pixels. */
  image: { width: number; height: number };
  /** Space kept around the element, CSS pixels. */
  margin?: number;
}

/** Default space around a cropped element, in CSS pixels. */
export const CROP_MARGIN = 16;

/**
 * The part of the screenshot showing the element plus a margin, in whole image pixels, clamped
 * to the image. The scale is measured (image size over viewport size) rather than assumed, so
 * the crop is right at any zoom level and device pixel ratio. Null when nothing is visible.
 */
export function cropRect({ rect, viewport, image, margin = CROP_MARGIN }: CropInput): Rect | null {
  if (viewport.width <= 0 || viewport.height <= 0) return null;
  const sx = image.width / viewport.width;
  const sy = image.height / viewport.height;
  const left = Math.max(0, Math.floor((rect.x - margin) * sx));
  const top = Math.max(0, Math.floor((rect.y - margin) * sy));
  const right = Math.min(image.width, Math.ceil((rect.x + rect.width + margin) * sx));
  const bottom = Math.min(image.height, Math.ceil((rect.y + rect.height + margin) * sy));
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
