/**
 * Arm colours stay apart for the common colour-vision deficiencies: every pair of the colours a
 * lesson can use (as many as the most arms of any lesson) is simulated for protanopia,
 * deuteranopia and tritanopia (Machado et al. 2009, severity 1) and compared in CIELAB. Text in
 * an arm's colour reads at WCAG AA contrast.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons/registry';
import { contrast, PALETTE, textColor } from '../../src/app/colors';

type Vec = [number, number, number];
const SIMULATIONS: Record<string, Vec[]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(hex: string): Vec {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => toLinear(c / 255)) as Vec;
}

function lab([r, g, b]: Vec): Vec {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  [r, g, b] = [clamp(r), clamp(g), clamp(b)];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function simulate(m: Vec[], c: Vec): Vec {
  return m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2]) as Vec;
}

function deltaE(a: Vec, b: Vec): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** ΔE76 of 20: clearly different at a glance in thin chart lines (a just-noticeable difference is ~2.3). */
const MIN_DELTA_E = 20;

describe('the arm palette', () => {
  const used = Math.max(...LESSONS.map((l) => l.armIds.length));

  it('has a colour for every arm of the largest lesson', () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(used);
  });

  for (const [name, matrix] of Object.entries(SIMULATIONS)) {
    it(`keeps every pair of the first ${used} colours apart (${name})`, () => {
      const colours = PALETTE.slice(0, used).map((hex) => ({ hex, lab: lab(simulate(matrix, linearRgb(hex))) }));
      const close: string[] = [];
      for (let i = 0; i < colours.length; i++)
        for (let j = i + 1; j < colours.length; j++) {
          const d = deltaE(colours[i].lab, colours[j].lab);
          if (d < MIN_DELTA_E) close.push(`${colours[i].hex}–${colours[j].hex}: ΔE ${d.toFixed(1)}`);
        }
      expect(close).toEqual([]);
    });
  }

  it('gives text in an arm colour at least 4.5:1 contrast on white, keeping colours that already have it', () => {
    for (const hex of PALETTE) expect(contrast(textColor(hex), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(textColor('#0072B2').toLowerCase()).toBe('#0072b2');
  });
});
