/**
 * The embedding map's dots, painted into pixels (src/app/panels/embedding/dots.ts): a disc covers
 * its area with anti-aliased edges, overlaps within one colour do not darken (as one canvas path
 * filled once), colours blend 'source-over', and a cleared layer is transparent again.
 */
import { describe, expect, test } from 'vitest';
import { hexRgb as rgb, rgbHex } from '../../src/app/colors';
import { DotLayer } from '../../src/app/panels/embedding/dots';

const alphaAt = (l: DotLayer, x: number, y: number) => l.pixels[4 * (y * l.width + x) + 3] / 255;
const colourAt = (l: DotLayer, x: number, y: number) => [...l.pixels.slice(4 * (y * l.width + x), 4 * (y * l.width + x) + 3)];
const coverage = (l: DotLayer) => {
  let sum = 0;
  for (let k = 3; k < l.pixels.length; k += 4) sum += l.pixels[k] / 255;
  return sum;
};

describe('dots painted into pixels', () => {
  test('reads and writes the map’s #rrggbb colours', () => {
    expect(rgb('#D55E00')).toEqual([213, 94, 0]);
    expect(rgbHex([253, 219, 120])).toBe('#fddb78');
    expect(rgb(rgbHex([253, 219, 120]))).toEqual([253, 219, 120]);
  });

  test('a disc covers its area, solid inside, soft at the edge, nothing outside', () => {
    for (const r of [1.3, 2, 4.5, 6.3]) {
      const l = new DotLayer(40, 40);
      l.disc(20.3, 19.6, r);
      l.paint(rgb('#0072B2'), 1);
      expect(coverage(l)).toBeCloseTo(Math.PI * r * r, 0);
      expect(alphaAt(l, 20, 19)).toBe(1);
      expect(colourAt(l, 20, 19)).toEqual([0, 114, 178]);
      expect(alphaAt(l, 20, Math.floor(19.6 + r + 1.5))).toBe(0);
      expect(alphaAt(l, Math.floor(20.3 - r - 1.5), 19)).toBe(0);
    }
  });

  test('overlaps in one colour stay at its alpha; another colour blends over it', () => {
    const l = new DotLayer(30, 30);
    for (let k = 0; k < 5; k++) l.disc(15 + k * 0.5, 15, 4);
    l.paint(rgb('#0072B2'), 0.75);
    expect(alphaAt(l, 15, 15)).toBeCloseTo(0.75, 2);
    l.disc(15, 15, 3);
    l.paint(rgb('#D55E00'), 0.5);
    // 'source-over': alpha a + b(1 − a), colour the alpha-weighted mix.
    expect(alphaAt(l, 15, 15)).toBeCloseTo(0.5 + 0.75 * 0.5, 2);
    const w = 0.5 / 0.875;
    colourAt(l, 15, 15).forEach((c, i) => expect(Math.abs(c - (w * [213, 94, 0][i] + (1 - w) * [0, 114, 178][i]))).toBeLessThanOrEqual(1));
  });

  test('squares snap to whole pixels; shapes off the canvas are clipped; clear empties it', () => {
    const l = new DotLayer(10, 10);
    l.square(5, 5, 2);
    l.square(-3, 4, 2);
    l.disc(50, 50, 3);
    l.paint(rgb('#787878'), 0.35);
    expect(coverage(l)).toBeCloseTo(4 * 0.35, 1);
    l.clear();
    expect(coverage(l)).toBe(0);
  });
});
