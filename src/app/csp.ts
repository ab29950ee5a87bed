/**
 * The lab's Content-Security-Policy: everything from the site's own origin, nothing else.
 * - scripts and workers: own files only, no inline script, no eval; WebAssembly compiles under
 *   'wasm-unsafe-eval' (tfjs-wasm; it cannot run without it);
 * - styles: own style sheets; inline style *attributes* are allowed because KaTeX's formulas
 *   position their glyphs with them (style-src-attr), inline <style> elements are not;
 * - images: own files, data: URIs (the favicon is one) and blob: URLs the page makes itself (a
 *   chart's PNG export draws its SVG through one);
 * - nothing may be framed, posted, or based elsewhere.
 * The build writes it into index.html as a meta tag (vite.config.ts); a host that can send
 * headers should send the same policy as a header, which also covers the training worker.
 * The dev server's inline React preamble would break under it, so `npm run dev` runs without.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
