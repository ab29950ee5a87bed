/**
 * Arm colours: Okabe–Ito, ordered so that the first four (the most arms a lesson has) stay at
 * least ΔE 20 apart under simulated protanopia, deuteranopia and tritanopia (test/unit/palette.test.ts).
 * Bluish green comes fifth: it sat ΔE 17 from blue under tritanopia and 18 from reddish purple
 * under deuteranopia.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#CC79A7', '#56B4E9', '#009E73', '#E69F00', '#000000'];

export function armColor(armIds: string[], id: string): string {
  const i = armIds.indexOf(id);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

export const ORACLE_COLOR = '#1f2933';
export const POPULAR_COLOR = '#8a94a6';
export const TRUTH_COLOR = '#1f2933';

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** The red, green and blue of `#rrggbb` (0–255). */
export function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `#rrggbb` of red, green and blue (rounded, 0–255). */
export function rgbHex(rgb: readonly number[]): string {
  return '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const [r, g, b] = hexRgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * A colour for text on white: the colour itself when it reads at 4.5:1 (WCAG AA), else the same
 * hue darkened until it does (Okabe–Ito's orange and vermillion are too light for small text).
 */
export function textColor(hex: string): string {
  let rgb: number[] = hexRgb(hex);
  while (contrast(rgbHex(rgb), '#ffffff') < 4.5) rgb = rgb.map((c) => c * 0.94);
  return rgbHex(rgb);
}
