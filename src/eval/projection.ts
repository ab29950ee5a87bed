/**
 * Two-dimensional maps of embedding spaces: PCA by subspace (power) iteration on the d × d
 * covariance, and an orthogonal Procrustes alignment of each new map to the previous one, so a
 * refreshed map moves its points instead of flipping or spinning them. Pure arithmetic, no tfjs:
 * for 3,000 × 32 vectors the covariance is ~3 M multiply-adds and the iteration works on 32 × 32.
 */

export interface Projection {
  /** [n × 2] coordinates, row-major. */
  points: Float32Array;
  /** [2 × d] orthonormal axes (rows), in the input space. */
  axes: Float64Array;
  /** [d] the mean the axes are applied around. */
  mean: Float64Array;
  /** Share of the total variance along each axis. */
  explained: [number, number];
}

/** Subspace iteration stops when the axes move less than this (or after MAX_ITER rounds). */
const TOLERANCE = 1e-10;
const MAX_ITER = 300;

/**
 * The top-2 principal axes of `x` ([n × d], row-major) and the points projected on them.
 * `start`: axes to start the iteration from (the previous map's: fewer rounds, same answer).
 */
export function pca2(x: ArrayLike<number>, n: number, d: number, start?: Float64Array): Projection {
  if (x.length !== n * d) throw new Error(`pca2: ${x.length} values are not ${n} × ${d}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(n, 1);
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] += ra * row[b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[b * d + a] = cov[a * d + b];
  let total = 0;
  for (let a = 0; a < d; a++) total += cov[a * d + a];

  // Start: the given axes, or two fixed, generic directions (no random draw: a map is reproducible).
  let v = start && start.length === 2 * d ? Float64Array.from(start) : Float64Array.from({ length: 2 * d }, (_, k) => (k < d ? 1 + k / d : k % 2 ? 1 : -1 + (k - d) / d));
  orthonormalise(v, d);
  for (let it = 0; it < MAX_ITER; it++) {
    const w = new Float64Array(2 * d);
    for (let r = 0; r < 2; r++) for (let a = 0; a < d; a++) {
      let s = 0;
      for (let b = 0; b < d; b++) s += cov[a * d + b] * v[r * d + b];
      w[r * d + a] = s;
    }
    if (!orthonormalise(w, d)) break; // rank < 2: keep what we have
    let moved = 0;
    // Compare the spanned planes (projectors), not the vectors: the basis may rotate within the plane.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
      const p = v[a] * v[b] + v[d + a] * v[d + b];
      const q = w[a] * w[b] + w[d + a] * w[d + b];
      moved = Math.max(moved, Math.abs(p - q));
    }
    v = w;
    if (moved < TOLERANCE) break;
  }
  // Rayleigh–Ritz in the plane: order the two axes by the variance along them.
  const h = [0, 0, 0];
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
    const c = cov[a * d + b];
    h[0] += v[a] * c * v[b];
    h[1] += v[a] * c * v[d + b];
    h[2] += v[d + a] * c * v[d + b];
  }
  const theta = 0.5 * Math.atan2(2 * h[1], h[0] - h[2]);
  const [c, s] = [Math.cos(theta), Math.sin(theta)];
  const axes = new Float64Array(2 * d);
  for (let a = 0; a < d; a++) {
    axes[a] = c * v[a] + s * v[d + a];
    axes[d + a] = -s * v[a] + c * v[d + a];
  }
  const variance = (r: number) => {
    let t = 0;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) t += axes[r * d + a] * cov[a * d + b] * axes[r * d + b];
    return t;
  };
  const [v0, v1] = [variance(0), variance(1)];
  if (v1 > v0) for (let a = 0; a < d; a++) [axes[a], axes[d + a]] = [axes[d + a], axes[a]];
  const explained: [number, number] = total > 0 ? [Math.max(v0, v1) / total, Math.min(v0, v1) / total] : [0, 0];
  return { points: project(x, n, d, axes, mean), axes, mean, explained };
}

/** Rows of `x` ([n × d]) on the axes, around `mean`. */
export function project(x: ArrayLike<number>, n: number, d: number, axes: Float64Array, mean: Float64Array): Float32Array {
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    let p = 0;
    let q = 0;
    for (let j = 0; j < d; j++) {
      const z = x[i * d + j] - mean[j];
      p += z * axes[j];
      q += z * axes[d + j];
    }
    out[2 * i] = p;
    out[2 * i + 1] = q;
  }
  return out;
}

/** Gram–Schmidt on the two rows of `v` ([2 × d]) in place; false when they are (nearly) dependent. */
function orthonormalise(v: Float64Array, d: number): boolean {
  const norm = (o: number) => Math.sqrt(v.subarray(o, o + d).reduce((s, x) => s + x * x, 0));
  const n0 = norm(0);
  if (!(n0 > 1e-12)) return false;
  for (let a = 0; a < d; a++) v[a] /= n0;
  let dot = 0;
  for (let a = 0; a < d; a++) dot += v[a] * v[d + a];
  for (let a = 0; a < d; a++) v[d + a] -= dot * v[a];
  const n1 = norm(d);
  if (!(n1 > 1e-12 * Math.max(1, n0))) return false;
  for (let a = 0; a < d; a++) v[d + a] /= n1;
  return true;
}

/**
 * The 2 × 2 orthogonal matrix R (a rotation or a reflection) that brings `points` closest to
 * `previous` (the same items' coordinates on the last map): argmin ‖P·R − Q‖, orthogonal
 * Procrustes in closed form. Returned row-major [r00, r01, r10, r11].
 */
export function procrustes2(points: Float32Array, previous: Float32Array): [number, number, number, number] {
  // A = Pᵀ Q; maximise trace(Rᵀ A) over rotations and over reflections, keep the better.
  let a00 = 0;
  let a01 = 0;
  let a10 = 0;
  let a11 = 0;
  const n = Math.min(points.length, previous.length) / 2;
  for (let i = 0; i < n; i++) {
    const [px, py, qx, qy] = [points[2 * i], points[2 * i + 1], previous[2 * i], previous[2 * i + 1]];
    a00 += px * qx;
    a01 += px * qy;
    a10 += py * qx;
    a11 += py * qy;
  }
  const rot = Math.hypot(a00 + a11, a10 - a01);
  const ref = Math.hypot(a00 - a11, a01 + a10);
  if (rot >= ref) {
    const t = Math.atan2(a10 - a01, a00 + a11);
    return [Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)];
  }
  const t = Math.atan2(a01 + a10, a00 - a11);
  return [Math.cos(t), Math.sin(t), Math.sin(t), -Math.cos(t)];
}

/** Points ([n × 2]) times R, in place. */
export function transform2(points: Float32Array, r: readonly number[]): Float32Array {
  for (let i = 0; i < points.length; i += 2) {
    const [x, y] = [points[i], points[i + 1]];
    points[i] = x * r[0] + y * r[2];
    points[i + 1] = x * r[1] + y * r[3];
  }
  return points;
}

/** The map's axes times R as well, so later projections (users) land on the aligned map. */
export function transformAxes(axes: Float64Array, d: number, r: readonly number[]): Float64Array {
  const out = new Float64Array(2 * d);
  for (let a = 0; a < d; a++) {
    out[a] = axes[a] * r[0] + axes[d + a] * r[2];
    out[d + a] = axes[a] * r[1] + axes[d + a] * r[3];
  }
  return out;
}

/**
 * A map kept stable across refreshes: each new PCA starts from the last axes and is then turned
 * (rotated or mirrored, never stretched) to lie as close as it can to the last map's points.
 */
export class StableMap {
  private last?: { axes: Float64Array; points: Float32Array };

  update(x: ArrayLike<number>, n: number, d: number): Projection {
    const prev = this.last && this.last.axes.length === 2 * d && this.last.points.length === 2 * n ? this.last : undefined;
    const p = pca2(x, n, d, prev?.axes);
    if (prev) {
      const r = procrustes2(p.points, prev.points);
      transform2(p.points, r);
      p.axes = transformAxes(p.axes, d, r);
    }
    this.last = { axes: p.axes, points: p.points.slice() };
    return p;
  }
}
