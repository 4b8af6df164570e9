import { formatDecimal, t } from '@/lib/i18n';
import type { Brand } from '@/lib/model';
import { roundHalfAwayFromZero } from '@/lib/scoring';

export { formatPct } from '@/lib/i18n';

/** A difference in points for display, rounded like every figure. */
export function formatPoints(points: number): string {
  return t('report.points', { points: formatDecimal(roundHalfAwayFromZero(points, 1), 1) });
}

/** Chart colours: the own brand in the strong blue, competitors in distinct muted hues. */
const COMPETITOR_COLOURS = [
  '#d9822b',
  '#7a5195',
  '#2a9d8f',
  '#bc5090',
  '#8c6d31',
  '#6b7b8c',
  '#e76f51',
];
const OWN_COLOUR = '#1f5fbf';

/** The colour a brand has in every chart of the page (by its place among the competitors). */
export function brandColour(
  brands: readonly Pick<Brand, 'id' | 'role'>[],
  brandId: string,
): string {
  const brand = brands.find((b) => b.id === brandId);
  if (brand?.role === 'own') return OWN_COLOUR;
  const competitors = brands.filter((b) => b.role !== 'own');
  const i = Math.max(
    0,
    competitors.findIndex((b) => b.id === brandId),
  );
  return COMPETITOR_COLOURS[i % COMPETITOR_COLOURS.length]!;
}

/** A heatmap cell's background: red (0 %) through amber to green (100 %); grey without a score. */
export function heatColour(pct: number | null): string {
  if (pct === null) return '#eeeeee';
  const hue = Math.round(Math.min(100, Math.max(0, pct)) * 1.2);
  return `hsl(${hue}, 65%, 78%)`;
}

/** A brand's name, or its id when it is not (or no longer) among the study's brands. */
export function brandName(brands: readonly Brand[], brandId: string): string {
  return brands.find((b) => b.id === brandId)?.name ?? brandId;
}

/** A change in points for display, signed (`+12.5 pts`, `−3.0 pts`); a dash without one. */
export function formatChange(points: number | null): string {
  if (points === null) return t('report.pairs.noChange');
  const rounded = roundHalfAwayFromZero(points, 1);
  const text = formatPoints(Math.abs(rounded));
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/**
 * A chart label cut into at most `maxLines` lines of about `maxChars` characters, at spaces
 * (a word longer than a line gets a line of its own); what does not fit ends the last line
 * with `…` (the full text is in the figure's table and the mark's title).
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const end = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${end.length < maxChars ? end : end.slice(0, maxChars - 1)}…`;
  return kept;
}
