/**
 * The embedding map's projection: PCA of points on a plane recovers the plane (and their
 * coordinates in it, up to a turn), the axes are ordered by variance, and a refreshed map is
 * turned back onto the previous one instead of flipping.
 */
import { describe, expect, it } from 'vitest';
import { pca2, procrustes2, project, StableMap, transform2 } from '../../src/eval/projection';
import { Rng } from '../../src/util/rng';

const D = 32;

function unit(rng: Rng, d: number): Float64Array {
  const v = Float64Array.from({ length: d }, () => rng.normal());
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** n points a·u + b·v + offset in D dims, with u ⟂ v unit vectors; spread sa along u, sb along v. */
function planePoints(seed: number, n: number, sa: number, sb: number) {
  const rng = new Rng(seed);
  const u = unit(rng, D);
  let v = unit(rng, D);
  const dot = u.reduce((s, x, j) => s + x * v[j], 0);
  v = v.map((x, j) => x - dot * u[j]);
  const nv = Math.hypot(...v);
  v = v.map((x) => x / nv);
  const offset = Float64Array.from({ length: D }, () => rng.normal() * 3);
  const coords = new Float64Array(2 * n);
  const x = new Float32Array(n * D);
  for (let i = 0; i < n; i++) {
    const a = rng.normal() * sa;
    const b = rng.normal() * sb;
    coords[2 * i] = a;
    coords[2 * i + 1] = b;
    for (let j = 0; j < D; j++) x[i * D + j] = a * u[j] + b * v[j] + offset[j];
  }
  return { x, u, v, coords };
}

function dist2(p: ArrayLike<number>, i: number, j: number): number {
  return (p[2 * i] - p[2 * j]) ** 2 + (p[2 * i + 1] - p[2 * j + 1]) ** 2;
}

describe('pca2', () => {
  it('recovers the plane that points lie on, with the wider direction first', () => {
    const n = 500;
    const { x, u, v, coords } = planePoints(7, n, 3, 1);
    const p = pca2(x, n, D);
    const axis = (r: number) => p.axes.subarray(r * D, (r + 1) * D);
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, ai, j) => s + ai * b[j], 0);
    // Both axes lie in span{u, v}: their squared components on u and v sum to 1.
    for (const r of [0, 1]) expect(dot(axis(r), u) ** 2 + dot(axis(r), v) ** 2).toBeCloseTo(1, 5);
    // The first axis is u (the direction of larger spread), up to sign.
    expect(Math.abs(dot(axis(0), u))).toBeCloseTo(1, 3);
    expect(dot(axis(0), axis(1))).toBeCloseTo(0, 8);
    // A plane keeps all the variance.
    expect(p.explained[0] + p.explained[1]).toBeCloseTo(1, 5);
    expect(p.explained[0]).toBeGreaterThan(p.explained[1]);
    // Distances within the plane are kept exactly: the map is the plane, turned.
    for (const [i, j] of [[0, 1], [2, 99], [10, 400], [250, 499]]) expect(dist2(p.points, i, j)).toBeCloseTo(dist2(coords, i, j), 2);
  });

  it('keeps the top variance directions of noisy data in higher dimensions', () => {
    const n = 800;
    const rng = new Rng(3);
    const { x, u } = planePoints(11, n, 5, 2);
    for (let k = 0; k < x.length; k++) x[k] += rng.normal() * 0.2;
    const p = pca2(x, n, D);
    const along = Math.abs(Array.from(p.axes.subarray(0, D)).reduce((s, a, j) => s + a * u[j], 0));
    expect(along).toBeGreaterThan(0.99);
    expect(p.explained[0] + p.explained[1]).toBeLessThan(1);
    expect(p.explained[0] + p.explained[1]).toBeGreaterThan(0.9);
  });

  it('projects new rows (users) with the same axes and mean as the map', () => {
    const n = 200;
    const { x } = planePoints(5, n, 2, 1);
    const p = pca2(x, n, D);
    const again = project(x.subarray(10 * D, 20 * D), 10, D, p.axes, p.mean);
    for (let k = 0; k < 20; k++) expect(again[k]).toBeCloseTo(p.points[20 + k], 4);
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => pca2(new Float32Array(10), 3, 4)).toThrow(/not 3 × 4/);
  });
});

describe('a stable map', () => {
  it('procrustes2 undoes a rotation and a mirror image', () => {
    const q = Float32Array.from({ length: 40 }, (_, k) => Math.sin(k * 1.7) * (k % 3));
    for (const r of [
      [Math.cos(1), -Math.sin(1), Math.sin(1), Math.cos(1)],
      [1, 0, 0, -1],
      [Math.cos(2), Math.sin(2), Math.sin(2), -Math.cos(2)],
    ]) {
      const p = transform2(q.slice(), r);
      const back = transform2(p, procrustes2(p, q));
      for (let k = 0; k < q.length; k++) expect(back[k]).toBeCloseTo(q[k], 5);
    }
  });

  it('a refresh on slightly moved points lands next to the last map, not mirrored', () => {
    const n = 300;
    const { x } = planePoints(9, n, 3, 2);
    const map = new StableMap();
    const first = map.update(x, n, D).points.slice();
    // Move every point a little, and turn the whole cloud in its space (what training does).
    const rng = new Rng(1);
    const moved = x.map((v) => v + rng.normal() * 0.05);
    const second = map.update(moved, n, D).points;
    let far = 0;
    for (let i = 0; i < n; i++) far = Math.max(far, Math.hypot(second[2 * i] - first[2 * i], second[2 * i + 1] - first[2 * i + 1]));
    expect(far).toBeLessThan(0.5);
    // Without the alignment a fresh PCA may come out mirrored or turned; with it, never.
    const fresh = pca2(moved, n, D).points;
    const turned = transform2(fresh.slice(), procrustes2(fresh, first));
    for (let k = 0; k < 20; k++) expect(turned[k]).toBeCloseTo(second[k], 3);
  });
});
