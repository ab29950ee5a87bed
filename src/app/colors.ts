/** Arm colours (Okabe–Ito: distinguishable with common colour-vision deficiencies). */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export function armColor(armIds: string[], id: string): string {
  const i = armIds.indexOf(id);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

export const ORACLE_COLOR = '#1f2933';
export const POPULAR_COLOR = '#8a94a6';
export const TRUTH_COLOR = '#1f2933';
