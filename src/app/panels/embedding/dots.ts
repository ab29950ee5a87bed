/**
 * Paints a few thousand translucent dots straight into pixels. A canvas path of one arc per item
 * cost 17 ms a frame here and 30 ms on a slower machine (with the React work around it, tasks of
 * 53–76 ms on an arm switch); the same dots blended by hand take 2–3 ms in Node and at most ~6 ms
 * in the page, whatever the browser's canvas.
 * Edges are anti-aliased by coverage (how far a pixel's centre lies inside the dot).
 */

/** Red, green and blue, 0–255 (colors.ts `hexRgb` reads them from `#rrggbb`). */
export type Rgb = readonly [number, number, number];

/**
 * Dots painted into RGBA pixels (an ImageData's data, straight alpha). Shapes are gathered into a
 * group (`disc`, `square`) and the group is `paint`ed in one colour: overlaps within a group do
 * not darken (as one canvas path of many arcs, filled once), groups blend over each other.
 * One layer is kept per canvas and `clear`ed: fresh megabyte buffers every frame cost more in page
 * faults (7–10 ms here) than the painting.
 */
export class DotLayer {
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
  /** The current group's coverage per pixel (0–1), and the pixels it touched. */
  private readonly cover: Float32Array;
  private readonly touched: Int32Array;
  private nTouched = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8ClampedArray(width * height * 4);
    this.cover = new Float32Array(width * height);
    this.touched = new Int32Array(width * height);
  }

  /** A disc at (x, y) of radius r, in pixels. */
  disc(x: number, y: number, r: number): void {
    const x0 = Math.max(0, Math.floor(x - r - 0.5));
    const x1 = Math.min(this.width - 1, Math.ceil(x + r + 0.5));
    const y0 = Math.max(0, Math.floor(y - r - 0.5));
    const y1 = Math.min(this.height - 1, Math.ceil(y + r + 0.5));
    for (let py = y0; py <= y1; py++) {
      const dy = py + 0.5 - y;
      for (let px = x0; px <= x1; px++) {
        const dx = px + 0.5 - x;
        this.cover1(py * this.width + px, r + 0.5 - Math.sqrt(dx * dx + dy * dy));
      }
    }
  }

  /** An axis-aligned square of side s centred at (x, y), snapped to whole pixels. */
  square(x: number, y: number, s: number): void {
    const side = Math.max(1, Math.round(s));
    const left = Math.round(x - s / 2);
    const top = Math.round(y - s / 2);
    const [x0, x1] = [Math.max(0, left), Math.min(this.width, left + side)];
    const [y0, y1] = [Math.max(0, top), Math.min(this.height, top + side)];
    for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) this.cover1(py * this.width + px, 1);
  }

  /** Blends the group gathered since the last paint, in one colour at `alpha`, over the pixels ('source-over'). */
  paint([r, g, b]: Rgb, alpha: number): void {
    const { pixels, cover, touched } = this;
    for (let t = 0; t < this.nTouched; t++) {
      const p = touched[t];
      const k = 4 * p;
      const a = alpha * cover[p];
      const under = (pixels[k + 3] / 255) * (1 - a);
      const out = a + under;
      pixels[k] = (r * a + pixels[k] * under) / out;
      pixels[k + 1] = (g * a + pixels[k + 1] * under) / out;
      pixels[k + 2] = (b * a + pixels[k + 2] * under) / out;
      pixels[k + 3] = 255 * out;
      cover[p] = 0;
    }
    this.nTouched = 0;
  }

  /** Transparent again, for the next frame. */
  clear(): void {
    this.pixels.fill(0);
  }

  private cover1(pixel: number, c: number): void {
    if (c <= 0) return;
    const was = this.cover[pixel];
    if (was === 0) this.touched[this.nTouched++] = pixel;
    if (c > was) this.cover[pixel] = Math.min(1, c);
  }
}
