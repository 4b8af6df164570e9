import type { Box } from '../anchoring/position';

/** The panel's width and its distance from the viewport's edges. */
export const PANEL_WIDTH = 380;
export const PANEL_MARGIN = 16;

/** The least height a band above or below the picked element must give the panel. */
const ENOUGH_ROOM = 360;

/** Where the panel opens: a column of the viewport (`top` to `bottom`, viewport pixels). */
export interface PanelSpot {
  side: 'right' | 'left';
  top: number;
  /** Its lowest edge; null: the viewport's bottom less the margin, whatever its height then. */
  bottom: number | null;
}

/** The panel's usual place: the right column, as tall as the viewport allows. */
export const DEFAULT_SPOT: PanelSpot = { side: 'right', top: PANEL_MARGIN, bottom: null };

/** Whether two boxes share any area. */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box `spot` gives the panel at its tallest in a viewport of that size. */
export function spotBox(spot: PanelSpot, viewport: { width: number; height: number }): Box {
  const width = Math.min(PANEL_WIDTH, viewport.width - 2 * PANEL_MARGIN);
  const x = spot.side === 'right' ? viewport.width - PANEL_MARGIN - width : PANEL_MARGIN;
  const bottom = spot.bottom ?? viewport.height - PANEL_MARGIN;
  return { x, y: spot.top, width, height: Math.max(0, bottom - spot.top) };
}

/**
 * Where the panel opens so that it leaves `keep` (the picked element and the screenshot's
 * margin around it) in view: the right column, else the left one, else, beside an element as
 * wide as the page, the right column below or above it, whichever band is taller, when it is
 * tall enough (360 px, or half the viewport on a small one). Null when no place is clear of
 * it: the panel then opens in its usual place, over the element.
 */
export function panelSpotBeside(
  keep: Box,
  viewport: { width: number; height: number },
): PanelSpot | null {
  for (const side of ['right', 'left'] as const) {
    const spot = { ...DEFAULT_SPOT, side };
    if (!overlaps(keep, spotBox(spot, viewport))) return spot;
  }
  const full = viewport.height - 2 * PANEL_MARGIN;
  const enough = Math.min(ENOUGH_ROOM, full / 2);
  const below = Math.max(PANEL_MARGIN, Math.ceil(keep.y + keep.height));
  const above = Math.min(viewport.height - PANEL_MARGIN, Math.floor(keep.y));
  const roomBelow = viewport.height - PANEL_MARGIN - below;
  const roomAbove = above - PANEL_MARGIN;
  if (Math.max(roomBelow, roomAbove) < enough) return null;
  return roomBelow >= roomAbove
    ? { ...DEFAULT_SPOT, top: below }
    : { ...DEFAULT_SPOT, bottom: above };
}
