/**
 * A scatter of a few thousand points on one <canvas> (SVG nodes per point would cost far more
 * than a frame): items coloured by a mode and sized by popularity, optional user points, and the
 * marks of a user's neighbourhood on top. A later step of the same arm's map glides from the last
 * one (the worker aligned the maps, so points move rather than jump). Hover and click are hit-tested here.
 */
import { memo, useEffect, useRef } from 'react';
import { hexRgb, rgbHex } from '../../colors';
import { DotLayer } from './dots';

export type ColorMode = 'head' | 'topic' | 'clicks';

/** Okabe–Ito and Tableau hues: 16 topics stay told apart (cycled beyond). */
const TOPIC_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000', '#4E79A7', '#F28E2B', '#59A14F', '#B07AA1', '#9C755F', '#EDC948', '#76B7B2', '#FF9DA7'];
export const HEAD_COLOR = '#D55E00';
export const TAIL_COLOR = '#0072B2';
const USER_RGB = hexRgb('#787878');
const USER_ALPHA = 0.35;

export interface MapMarks {
  /** Training clicks (squares), held-out clicks (rings: green found, red missed), retrieved (filled, outlined). */
  train?: number[];
  heldOut?: number[];
  retrieved?: number[];
  /** Items to ring in the accent colour (a picked item, its neighbours, liked items). */
  ringed?: number[];
  /** Special points: the picked user, your own user. */
  points?: { x: number; y: number; label: string }[];
}

export interface MapStyle {
  mode: ColorMode;
  sizeByPopularity: boolean;
  topic: Int32Array;
  head: Uint8Array;
  clicks: Int32Array;
  popularity: Float32Array;
}

const W = 460;
const H = 380;
const PAD = 14;
/** Refreshes of one arm's map during training glide this long; a different arm's map is drawn at once (it is another space, not motion). */
const GLIDE_MS = 300;

export function itemColor(style: MapStyle, i: number, maxLogClicks: number): string {
  if (style.mode === 'head') return style.head[i] ? HEAD_COLOR : TAIL_COLOR;
  if (style.mode === 'topic') return TOPIC_COLORS[style.topic[i] % TOPIC_COLORS.length];
  // Training clicks on a log scale, light (none) to dark (the most).
  const t = maxLogClicks > 0 ? Math.log1p(style.clicks[i]) / maxLogClicks : 0;
  const q = Math.round(10 * t);
  return CLICK_RAMP[q];
}

const CLICK_RAMP = Array.from({ length: 11 }, (_, q) => {
  const t = q / 10;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return rgbHex([mix(253, 68), mix(219, 1), mix(120, 84)]);
});

export const MapCanvas = memo(function MapCanvas({
  points,
  users,
  style,
  marks,
  onHover,
  onPick,
  testid,
  series,
  step,
}: {
  /** Which map this is (arm and run) and at which step: only a later step of the same map glides. */
  series: string;
  step: number;
  points: Float32Array;
  users?: Float32Array;
  style: MapStyle;
  marks: MapMarks;
  onHover(item: number | null, x: number, y: number): void;
  onPick(kind: 'item' | 'user', index: number): void;
  testid: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const shown = useRef<{ items: Float32Array; users?: Float32Array; series: string; step: number } | null>(null);
  const screen = useRef<{ items: Float32Array; users?: Float32Array }>({ items: new Float32Array(0) });

  useEffect(() => {
    const from = shown.current;
    const start = performance.now();
    const glide = from && from.series === series && step > from.step && from.items.length === points.length;
    let frame = 0;
    const draw = () => {
      const t = glide ? Math.min(1, (performance.now() - start) / GLIDE_MS) : 1;
      const e = t * (2 - t);
      const items = glide ? lerp(from.items, points, e) : points;
      const us = users && from?.users?.length === users.length ? lerp(from.users, users, e) : users;
      shown.current = { items, users: us, series, step };
      const t0 = performance.now();
      screen.current = render(canvas.current, items, us, style, marks);
      // The last frame's cost, for the responsiveness check (the map must stay far under a 50 ms task).
      canvas.current?.setAttribute('data-draw-ms', (performance.now() - t0).toFixed(1));
      if (t < 1) frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points, users, style, marks]);

  const nearest = (ev: React.MouseEvent): { kind: 'item' | 'user'; index: number } | null => {
    const rect = ev.currentTarget.getBoundingClientRect();
    const x = ((ev.clientX - rect.left) * W) / rect.width;
    const y = ((ev.clientY - rect.top) * H) / rect.height;
    const hit = (xy: Float32Array | undefined) => {
      let best = -1;
      let bestD = 7 * 7;
      if (!xy) return best;
      for (let i = 0; i < xy.length / 2; i++) {
        const d = (xy[2 * i] - x) ** 2 + (xy[2 * i + 1] - y) ** 2;
        if (d < bestD) [best, bestD] = [i, d];
      }
      return best;
    };
    const item = hit(screen.current.items);
    if (item >= 0) return { kind: 'item', index: item };
    const user = hit(screen.current.users);
    return user >= 0 ? { kind: 'user', index: user } : null;
  };

  return (
    <canvas
      ref={canvas}
      width={W}
      height={H}
      className="embedding-canvas"
      data-testid={testid}
      onMouseMove={(ev) => {
        const hit = nearest(ev);
        const rect = ev.currentTarget.getBoundingClientRect();
        onHover(hit?.kind === 'item' ? hit.index : null, ev.clientX - rect.left, ev.clientY - rect.top);
      }}
      onMouseLeave={() => onHover(null, 0, 0)}
      onClick={(ev) => {
        const hit = nearest(ev);
        if (hit) onPick(hit.kind, hit.index);
      }}
    />
  );
});

function lerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  if (t >= 1) return b;
  const out = new Float32Array(b.length);
  for (let k = 0; k < b.length; k++) out[k] = a[k] + (b[k] - a[k]) * t;
  return out;
}

/** Draws one frame; returns every point's canvas position (for hit-testing). */
function render(el: HTMLCanvasElement | null, items: Float32Array, users: Float32Array | undefined, style: MapStyle, marks: MapMarks): { items: Float32Array; users?: Float32Array } {
  const toScreen = fit(items, users, marks.points);
  const si = toScreen(items);
  const su = users && toScreen(users);
  // A CPU-backed canvas: a few thousand dots draw in ~2 ms without a round trip to the GPU process,
  // which stalled the page for seconds under a software GPU (SwiftShader) while training ran.
  const ctx = el?.getContext('2d', { willReadFrequently: true });
  if (!el || !ctx) return { items: si, users: su };
  // Drawn in map units (W × H) on a backing store of the screen's pixels: sharp on high-DPI screens.
  const dpr = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  if (el.width !== Math.round(W * dpr)) {
    el.width = Math.round(W * dpr);
    el.height = Math.round(H * dpr);
  }
  const n = items.length / 2;
  const focus = !!(marks.train?.length || marks.heldOut?.length || marks.retrieved?.length);
  let maxLog = 0;
  for (let i = 0; i < n; i++) maxLog = Math.max(maxLog, Math.log1p(style.clicks[i]));
  let maxPop = 0;
  for (let i = 0; i < n; i++) maxPop = Math.max(maxPop, style.popularity[i]);
  const radius = (i: number) => (style.sizeByPopularity && maxPop > 0 ? 1.3 + 5 * Math.sqrt(style.popularity[i] / maxPop) : 2);
  // The dots in pixels (dots.ts): users first, then one group per colour, as one path each would be.
  const layer = layerOf(el);
  if (su) {
    for (let u = 0; u < su.length / 2; u++) layer.square(su[2 * u] * dpr, su[2 * u + 1] * dpr, 2 * dpr);
    layer.paint(USER_RGB, USER_ALPHA);
  }
  const byColor = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const c = itemColor(style, i, maxLog);
    let list = byColor.get(c);
    if (!list) byColor.set(c, (list = []));
    list.push(i);
  }
  for (const [color, list] of byColor) {
    for (const i of list) layer.disc(si[2 * i] * dpr, si[2 * i + 1] * dpr, radius(i) * dpr);
    layer.paint(hexRgb(color), focus ? 0.18 : 0.75);
  }
  ctx.putImageData(new ImageData(layer.pixels, layer.width, layer.height), 0, 0);
  // The marks on top: a few dozen shapes, drawn by the canvas in map units.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const at = (i: number): [number, number] => [si[2 * i], si[2 * i + 1]];
  const retrieved = new Set(marks.retrieved ?? []);
  for (const i of marks.retrieved ?? []) {
    const [x, y] = at(i);
    ctx.fillStyle = itemColor(style, i, maxLog);
    ctx.strokeStyle = '#1f2933';
    ctx.lineWidth = 0.8;
    ctx.beginPath();
    ctx.arc(x, y, Math.max(3, radius(i)), 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.lineWidth = 1.4;
  ctx.strokeStyle = '#1f2933';
  for (const i of marks.train ?? []) {
    const [x, y] = at(i);
    ctx.strokeRect(x - 3, y - 3, 6, 6);
  }
  ctx.lineWidth = 2;
  for (const i of marks.heldOut ?? []) {
    const [x, y] = at(i);
    ctx.strokeStyle = retrieved.has(i) ? '#009E73' : '#d64545';
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.strokeStyle = '#0b6bcb';
  for (const i of marks.ringed ?? []) {
    const [x, y] = at(i);
    ctx.beginPath();
    ctx.arc(x, y, 5, 0, 2 * Math.PI);
    ctx.stroke();
  }
  if (marks.points?.length) {
    const pts = toScreen(Float32Array.from(marks.points.flatMap((p) => [p.x, p.y])));
    ctx.font = '12px system-ui, sans-serif';
    marks.points.forEach((p, k) => {
      const [x, y] = [pts[2 * k], pts[2 * k + 1]];
      ctx.fillStyle = '#1f2933';
      star(ctx, x, y, 7);
      ctx.fillText(p.label, x + 9, y - 6);
    });
  }
  return { items: si, users: su };
}

const layers = new WeakMap<HTMLCanvasElement, DotLayer>();

/** The canvas's dot layer, kept between frames (made anew when its size changes), cleared. */
function layerOf(el: HTMLCanvasElement): DotLayer {
  let layer = layers.get(el);
  if (layer?.width !== el.width || layer.height !== el.height) layers.set(el, (layer = new DotLayer(el.width, el.height)));
  else layer.clear();
  return layer;
}

/** Maps data coordinates into the canvas, one scale for both axes (distances stay honest). */
function fit(items: Float32Array, users: Float32Array | undefined, extra: { x: number; y: number }[] = []): (xy: Float32Array) => Float32Array {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  const grow = (x: number, y: number) => {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  };
  for (const xy of [items, users]) if (xy) for (let k = 0; k < xy.length; k += 2) grow(xy[k], xy[k + 1]);
  for (const p of extra) grow(p.x, p.y);
  if (!Number.isFinite(x0)) [x0, x1, y0, y1] = [-1, 1, -1, 1];
  const s = Math.min((W - 2 * PAD) / Math.max(x1 - x0, 1e-9), (H - 2 * PAD) / Math.max(y1 - y0, 1e-9));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return (xy) => {
    const out = new Float32Array(xy.length);
    for (let k = 0; k < xy.length; k += 2) {
      out[k] = W / 2 + (xy[k] - cx) * s;
      out[k + 1] = H / 2 - (xy[k + 1] - cy) * s;
    }
    return out;
  };
}

function star(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = (Math.PI * k) / 5 - Math.PI / 2;
    const rr = k % 2 ? r * 0.45 : r;
    ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = 'white';
  ctx.lineWidth = 1;
  ctx.stroke();
}
