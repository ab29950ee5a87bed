/** The look shared by every chart panel: axis ticks, grid, legend, and how numbers are written. */
export const AXIS = { fontSize: 11, fill: '#52606d' };
export const GRID = '#eef1f5';
export const LEGEND = { fontSize: 12 };

/** Three decimals; '—' for anything that is not a finite number. */
export const fmt3 = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '—');

/** Two decimals (axis ticks). */
export const fmt2 = (v: number): string => v.toFixed(2);

/** A value recharts can draw: non-finite values become gaps. */
export function finite(v: number | undefined): number | null {
  return v === undefined || !Number.isFinite(v) ? null : v;
}
